package org.mwalimu.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * OpenNLP's language detector — the langdetect-183 model from the opennlp-models-langdetect jar,
 * read from the class path — restricted to the languages Mwalimu speaks. It evaluates the model's
 * maximum-entropy weights for those few languages only, instead of all 103, which is what makes it
 * fast; the probabilities are the model's own, renormalised over the supported languages.
 */
public final class LanguageIdentifier {

    private static final Map<String, String> ISO_639_3 = Map.of("en", "eng", "fr", "fra", "pt", "por", "sw", "swa");
    private static final double[] NO_WEIGHTS = new double[0];

    private final List<String> languages;
    private final int[] outcomes;
    private final Map<String, Context> parameters;
    private final ThreadLocal<LanguageDetectorContextGenerator> contexts;
    /** Each character n-gram's weights for the supported languages, computed once when first seen. */
    private final Map<String, double[]> weights = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private LanguageIdentifier(List<String> languages, LanguageDetectorModel model) {
        this.languages = List.copyOf(languages);
        AbstractModel maxent = (AbstractModel) model.getMaxentModel();
        this.outcomes = languages.stream().mapToInt(l -> maxent.getIndex(ISO_639_3.getOrDefault(l, l))).toArray();
        this.parameters = (Map<String, Context>) maxent.getDataStructures()[1];
        this.contexts = ThreadLocal.withInitial(() -> model.getFactory().getContextGenerator());
    }

    public static LanguageIdentifier load(List<String> languages) {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the class path");
            }
            return new LanguageIdentifier(languages, new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Probability of each supported language, renormalised over those languages only. */
    public Map<String, Double> probabilities(String text) {
        double[] sums = new double[outcomes.length];
        for (CharSequence feature : contexts.get().getContext(text)) {
            double[] w = weights.computeIfAbsent(feature.toString(), this::weightsOf);
            for (int i = 0; i < w.length; i++) {
                sums[i] += w[i];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : sums) {
            max = Math.max(max, s);
        }
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            sums[i] = Math.exp(sums[i] - max);
            total += sums[i];
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (int i = 0; i < sums.length; i++) {
            probabilities.put(languages.get(i), sums[i] / total);
        }
        return probabilities;
    }

    private double[] weightsOf(String feature) {
        Context context = parameters.get(feature);
        if (context == null) {
            return NO_WEIGHTS;
        }
        double[] w = new double[outcomes.length];
        int[] known = context.getOutcomes();
        double[] values = context.getParameters();
        for (int k = 0; k < known.length; k++) {
            for (int i = 0; i < outcomes.length; i++) {
                if (known[k] == outcomes[i]) {
                    w[i] += values[k];
                }
            }
        }
        return w;
    }
}
