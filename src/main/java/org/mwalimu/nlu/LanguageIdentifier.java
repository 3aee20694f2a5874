package org.mwalimu.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's language detector (the langdetect-183 model from the opennlp-models-langdetect jar,
 * read from the class path) restricted to the languages Mwalimu speaks.
 */
public final class LanguageIdentifier {

    private static final Map<String, String> ISO_639_3 = Map.of("en", "eng", "fr", "fra", "pt", "por", "sw", "swa");

    private final List<String> languages;
    private final ThreadLocal<LanguageDetectorME> detector;

    private LanguageIdentifier(List<String> languages, LanguageDetectorModel model) {
        this.languages = List.copyOf(languages);
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
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
        Map<String, Double> scores = new HashMap<>();
        double total = 0;
        for (Language l : detector.get().predictLanguages(text)) {
            for (String code : languages) {
                if (l.getLang().equals(ISO_639_3.getOrDefault(code, code))) {
                    scores.put(code, l.getConfidence());
                    total += l.getConfidence();
                }
            }
        }
        Map<String, Double> normalised = new HashMap<>();
        for (String code : languages) {
            double p = scores.getOrDefault(code, 0.0);
            normalised.put(code, total > 0 ? p / total : 1.0 / languages.size());
        }
        return normalised;
    }

    /** The most likely supported language. */
    public String detect(String text) {
        return probabilities(text).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
