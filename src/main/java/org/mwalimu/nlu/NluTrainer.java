package org.mwalimu.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains one intent model per language on the training split, tunes each language's fallback
 * threshold on the held-out split, and measures everything on that held-out split.
 */
public final class NluTrainer {

    /** Written to the manifest; a change here retrains like a change of the data. */
    public static final String PARAMETERS = "MAXENT iterations=100 cutoff=1 features=words+word-prefixes+prefix-bigrams+char-trigrams normaliser=2";
    /** Most in-scope messages may fall back, and the least share of out-of-scope ones that must. */
    private static final double MAX_IN_SCOPE_FALLBACK = 0.05;
    private static final double MIN_OUT_OF_SCOPE_FALLBACK = 0.85;
    private static final double MARGIN = 0.1;

    private final TextNormalizer normalizer;
    private final LanguageIdentifier identifier;
    private final List<String> languages;

    public NluTrainer(TextNormalizer normalizer, LanguageIdentifier identifier, List<String> languages) {
        this.normalizer = normalizer;
        this.identifier = identifier;
        this.languages = List.copyOf(languages);
    }

    /** The trained models and what they scored on the held-out split. */
    public record Trained(IntentModels models, Map<String, Evaluation> heldOut, double languageDetection,
                          String dataHash, long millis) {
    }

    public Trained train(TrainingData data) {
        long started = System.currentTimeMillis();
        Map<String, DoccatModel> models = new LinkedHashMap<>();
        Map<String, Calibration> calibrations = new LinkedHashMap<>();
        for (String language : languages) {
            DoccatModel model = trainOne(language, data.training(language));
            models.put(language, model);
            calibrations.put(language, calibrate(new DocumentCategorizerME(model), language, data.heldOut(language)));
        }
        IntentModels intentModels = new IntentModels(models, calibrations);
        IntentRecognizer recognizer = new IntentRecognizer(normalizer, identifier, intentModels, languages,
                data.vocabulary());
        Map<String, Evaluation> heldOut = new LinkedHashMap<>();
        for (String language : languages) {
            heldOut.put(language, evaluate(recognizer, data.heldOut(language)));
        }
        return new Trained(intentModels, heldOut, languageDetection(recognizer, data.heldOut()), data.hash(),
                System.currentTimeMillis() - started);
    }

    /** Reads every example as a citizen who chose its language would be read. */
    public static Evaluation evaluate(IntentRecognizer recognizer, List<Example> examples) {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (Example e : examples) {
            gold.add(e.intent());
            predicted.add(recognizer.parse(e.text(), Optional.of(e.language())).intent());
        }
        return Evaluation.of(gold, predicted);
    }

    /** Share of held-out messages of four words or more read in the right language, with no hint. */
    private static double languageDetection(IntentRecognizer recognizer, List<Example> examples) {
        int total = 0;
        int right = 0;
        for (Example e : examples) {
            if (TextNormalizer.words(TextNormalizer.clean(e.text())).length >= 4) {
                total++;
                if (recognizer.parse(e.text(), Optional.empty()).language().equals(e.language())) {
                    right++;
                }
            }
        }
        return total == 0 ? 0 : right / (double) total;
    }

    private DoccatModel trainOne(String language, List<Example> examples) {
        List<DocumentSample> samples = examples.stream()
                .map(e -> new DocumentSample(e.intent(), normalizer.tokens(e.text(), language))).toList();
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, 100);
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            return DocumentCategorizerME.train(language, ObjectStreamUtils.createObjectStream(samples), parameters,
                    new DoccatFactory(FeatureSets.chosen()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The threshold that keeps in-scope fallbacks at or under 5% while catching as many
     * out-of-scope messages as possible (at least 85% when the data allows), then the most accurate.
     */
    private Calibration calibrate(DocumentCategorizerME categorizer, String language, List<Example> heldOut) {
        List<String> gold = new ArrayList<>();
        List<String> top = new ArrayList<>();
        List<Double> confidence = new ArrayList<>();
        for (Example e : heldOut) {
            double[] p = categorizer.categorize(normalizer.tokens(e.text(), language));
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            gold.add(e.intent());
            top.add(categorizer.getCategory(best));
            confidence.add(p[best]);
        }
        double bestThreshold = 0;
        double bestScore = -1;
        for (int step = 0; step <= 90; step++) {
            double t = step / 100.0;
            int inScope = 0;
            int inScopeFallback = 0;
            int outOfScope = 0;
            int caught = 0;
            int correct = 0;
            for (int i = 0; i < gold.size(); i++) {
                String predicted = confidence.get(i) < t ? TrainingData.FALLBACK : top.get(i);
                boolean fallback = predicted.equals(TrainingData.FALLBACK);
                if (gold.get(i).equals(TrainingData.FALLBACK)) {
                    outOfScope++;
                    caught += fallback ? 1 : 0;
                } else {
                    inScope++;
                    inScopeFallback += fallback ? 1 : 0;
                }
                correct += predicted.equals(gold.get(i)) ? 1 : 0;
            }
            double inScopeRate = inScope == 0 ? 0 : inScopeFallback / (double) inScope;
            double caughtRate = outOfScope == 0 ? 1 : caught / (double) outOfScope;
            double accuracy = gold.isEmpty() ? 0 : correct / (double) gold.size();
            double score = (inScopeRate <= MAX_IN_SCOPE_FALLBACK ? 2 : 0)
                    + (caughtRate >= MIN_OUT_OF_SCOPE_FALLBACK ? 1 : 0) + accuracy;
            if (score > bestScore + 1e-9) {
                bestScore = score;
                bestThreshold = t;
            }
        }
        return new Calibration(bestThreshold, MARGIN);
    }
}
