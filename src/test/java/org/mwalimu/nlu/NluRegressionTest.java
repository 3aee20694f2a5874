package org.mwalimu.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
                .train(TrainingData.load(FILES, LANGUAGES));
    }

    @Test
    void theManifestDescribesTheCommittedTrainingData() {
        TrainingData data = TrainingData.load(FILES, LANGUAGES);
        assertTrue(FILES.readIfCurrent(data.hash(), LANGUAGES).isPresent(),
                "run `java -jar target/mwalimu.jar train` after changing nlp-models/training or nlp-models/abbreviations and commit the result");
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
        LanguageIdentifier identifier = LanguageIdentifier.load(List.of("sw"));
        TrainingData swahili = TrainingData.load(FILES, List.of("sw"));
        NluTrainer.Trained first = new NluTrainer(normalizer, identifier, List.of("sw")).train(swahili);
        NluTrainer.Trained second = new NluTrainer(normalizer, identifier, List.of("sw")).train(swahili);
        assertEquals(first.heldOut().get("sw").accuracy(), second.heldOut().get("sw").accuracy(), 1e-12);
        assertEquals(first.models().calibration("sw"), second.models().calibration("sw"));
        String[] tokens = normalizer.tokens("nimesahau nenosiri langu", "sw");
        assertArrayEquals(first.models().score("sw", tokens).probabilities(),
                second.models().score("sw", tokens).probabilities(), 1e-12);
    }
}
