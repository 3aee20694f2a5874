package org.mwalimu.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a citizen's free text: normalise, pick the language (OpenNLP's detector together with how
 * many of the words each language's examples contain; for short texts also the citizen's chosen
 * language and each classifier's confidence), classify, then fall back or ask "did you mean" by the
 * language's calibration.
 */
public final class IntentRecognizer {

    /** Long messages are cut before reading: the start says what they are about. */
    private static final int MAX_CHARS = 1000;
    private static final int TRUSTED_WORDS = 4;
    private static final double HINT_WEIGHT = 0.35;
    private static final double LONG_HINT_WEIGHT = 0.15;
    private static final double CLASSIFIER_WEIGHT = 0.5;
    private static final int SHORT_TEXT_CANDIDATES = 2;

    private final TextNormalizer normalizer;
    private final LanguageIdentifier identifier;
    private final IntentModels models;
    private final List<String> languages;
    private final Map<String, Set<String>> vocabulary;

    /** @param vocabulary per language, the words of its training examples (normalised) */
    public IntentRecognizer(TextNormalizer normalizer, LanguageIdentifier identifier, IntentModels models,
                            List<String> languages, Map<String, Set<String>> vocabulary) {
        this.normalizer = normalizer;
        this.identifier = identifier;
        this.models = models;
        this.languages = List.copyOf(languages);
        this.vocabulary = Map.copyOf(vocabulary);
    }

    public Parse parse(String text, Optional<String> hint) {
        String cleaned = TextNormalizer.clean(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        Optional<String> known = hint.filter(languages::contains);
        if (cleaned.chars().noneMatch(Character::isLetter)) {
            return new Parse(TrainingData.FALLBACK, 0, known.orElse(languages.get(0)), List.of(), false);
        }
        Map<String, Double> detected = identifier.probabilities(cleaned);
        String[] words = TextNormalizer.words(cleaned);
        if (words.length >= TRUSTED_WORDS) {
            // Long enough to go by the detector and by how many words each language's examples
            // know; the citizen's own language still tips a close call.
            String language = languages.get(0);
            double best = -1;
            for (String candidate : languages) {
                double score = detected.get(candidate) + coverage(candidate, words)
                        + (known.filter(candidate::equals).isPresent() ? LONG_HINT_WEIGHT : 0);
                if (score > best) {
                    best = score;
                    language = candidate;
                }
            }
            return decide(language, models.score(language, normalizer.expand(words, language)));
        }
        // Short texts: the two likeliest languages by detector, vocabulary and the citizen's choice are
        // each classified, and the classifiers' confidence settles it.
        List<String> likely = new ArrayList<>(languages);
        likely.sort(Comparator.comparingDouble((String l) -> -(detected.get(l) + coverage(l, words)
                + (known.filter(l::equals).isPresent() ? HINT_WEIGHT : 0))));
        String best = likely.get(0);
        IntentModels.Scores bestScores = null;
        double bestScore = -1;
        for (String language : likely.subList(0, Math.min(SHORT_TEXT_CANDIDATES, likely.size()))) {
            IntentModels.Scores scores = models.score(language, normalizer.expand(words, language));
            double score = detected.get(language) + coverage(language, words)
                    + (known.filter(language::equals).isPresent() ? HINT_WEIGHT : 0)
                    + CLASSIFIER_WEIGHT * bestIntentProbability(scores);
            if (score > bestScore) {
                best = language;
                bestScores = scores;
                bestScore = score;
            }
        }
        return decide(best, bestScores);
    }

    /** Share of the words that appear in the language's training examples. */
    private double coverage(String language, String[] words) {
        Set<String> known = vocabulary.getOrDefault(language, Set.of());
        int hits = 0;
        for (String word : words) {
            if (known.contains(word)) {
                hits++;
            }
        }
        return words.length == 0 ? 0 : hits / (double) words.length;
    }

    private static double bestIntentProbability(IntentModels.Scores scores) {
        double best = 0;
        for (int i = 0; i < scores.probabilities().length; i++) {
            if (!scores.category(i).equals(TrainingData.FALLBACK)) {
                best = Math.max(best, scores.probabilities()[i]);
            }
        }
        return best;
    }

    private Parse decide(String language, IntentModels.Scores scores) {
        List<Parse.Candidate> ranked = new ArrayList<>();
        double[] p = scores.probabilities();
        for (int i = 0; i < p.length; i++) {
            ranked.add(new Parse.Candidate(scores.category(i), p[i]));
        }
        ranked.sort(Comparator.comparingDouble(Parse.Candidate::confidence).reversed());
        List<Parse.Candidate> top = ranked.subList(0, Math.min(3, ranked.size()));
        Parse.Candidate first = top.get(0);
        Calibration calibration = models.calibration(language);
        if (first.intent().equals(TrainingData.FALLBACK) || first.confidence() < calibration.threshold()) {
            return new Parse(TrainingData.FALLBACK, first.confidence(), language, top, false);
        }
        boolean ambiguous = top.size() > 1 && !top.get(1).intent().equals(TrainingData.FALLBACK)
                && first.confidence() - top.get(1).confidence() < calibration.margin();
        return new Parse(first.intent(), first.confidence(), language, top, ambiguous);
    }
}
