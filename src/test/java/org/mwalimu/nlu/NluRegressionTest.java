package org.mwalimu.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retrains every model from the training data, as `train` does, and fails the build when a
 * language scores more than 2 points below the figures recorded in nlp-models/manifest.json.
 */
class NluRegressionTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "pt", "sw");
    private static final NluFiles FILES = new NluFiles(Path.of("nlp-models"));

    private static NluTrainer.Trained retrained;

    @BeforeAll
    static void retrain() {
        TextNormalizer normalizer = new TextNormalizer(Abbreviations.load(FILES.abbreviationsDir(), LANGUAGES));
        retrained = new NluTrainer(normalizer, LanguageIdentifier.load(LANGUAGES), LANGUAGES)
                .train(TrainingData.load(FILES.trainingDir(), LANGUAGES));
    }

    @Test
    void theManifestDescribesTheCommittedTrainingData() {
        TrainingData data = TrainingData.load(FILES.trainingDir(), LANGUAGES);
        assertTrue(FILES.readIfCurrent(data.hash(), LANGUAGES).isPresent(),
                "run `java -jar target/mwalimu.jar train` after changing nlp-models/training and commit the result");
    }

    @Test
    void noLanguageFallsMoreThanTwoPointsBelowTheManifest() {
        Map<String, Double> recorded = FILES.recordedAccuracy();
        assertEquals(LANGUAGES, List.copyOf(recorded.keySet()));
        for (String language : LANGUAGES) {
            double now = retrained.heldOut().get(language).accuracy();
            assertTrue(now >= recorded.get(language) - 0.02,
                    language + ": held-out accuracy " + now + " is more than 2 points below the recorded " + recorded.get(language));
        }
    }

    @Test
    void trainingIsDeterministic() {
        TextNormalizer normalizer = new TextNormalizer(Abbreviations.load(FILES.abbreviationsDir(), LANGUAGES));
        NluTrainer.Trained again = new NluTrainer(normalizer, LanguageIdentifier.load(LANGUAGES), List.of("sw"))
                .train(TrainingData.load(FILES.trainingDir(), List.of("sw")));
        assertEquals(retrained.heldOut().get("sw").accuracy(), again.heldOut().get("sw").accuracy(), 1e-9);
        assertEquals(retrained.models().calibration("sw"), again.models().calibration("sw"));
    }
}
