package org.mwalimu.nlu;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;

/** A trained intent model and its calibration per language; shareable, each thread gets its own categoriser. */
public final class IntentModels {

    private final Map<String, DoccatModel> models;
    private final Map<String, Calibration> calibrations;
    private final Map<String, ThreadLocal<DocumentCategorizerME>> categorizers = new HashMap<>();

    public IntentModels(Map<String, DoccatModel> models, Map<String, Calibration> calibrations) {
        this.models = Map.copyOf(models);
        this.calibrations = Map.copyOf(calibrations);
        this.models.forEach((language, model) ->
                categorizers.put(language, ThreadLocal.withInitial(() -> new DocumentCategorizerME(model))));
    }

    public Map<String, DoccatModel> models() {
        return models;
    }

    public Calibration calibration(String language) {
        return calibrations.get(language);
    }

    public Map<String, Calibration> calibrations() {
        return calibrations;
    }

    /** Probability per category (intents and "fallback") for {@code tokens} in {@code language}. */
    public Scores score(String language, String[] tokens) {
        DocumentCategorizerME categorizer = categorizers.get(language).get();
        double[] probabilities = categorizer.categorize(tokens);
        return new Scores(categorizer, probabilities);
    }

    /** The outcome of one categorisation, read without copying into maps. */
    public record Scores(DocumentCategorizerME categorizer, double[] probabilities) {

        public String category(int index) {
            return categorizer.getCategory(index);
        }
    }
}
