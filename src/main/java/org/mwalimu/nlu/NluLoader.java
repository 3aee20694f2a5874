package org.mwalimu.nlu;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the intent recognizer at start: the stored models when the manifest matches the training
 * data, otherwise a fresh training (written back when the folder is writable).
 */
public final class NluLoader {

    private static final Logger LOG = LoggerFactory.getLogger(NluLoader.class);

    private NluLoader() {
    }

    /** Blocking: reads files and may train for some seconds. */
    public static IntentRecognizer load(NluFiles files, List<String> languages) {
        TextNormalizer normalizer = new TextNormalizer(Abbreviations.load(files.abbreviationsDir(), languages));
        LanguageIdentifier identifier = LanguageIdentifier.load(languages);
        TrainingData data = TrainingData.load(files, languages);
        Optional<IntentModels> stored = files.readIfCurrent(data.hash(), languages);
        IntentModels models;
        if (stored.isPresent()) {
            models = stored.get();
        } else {
            LOG.info("the intent models do not match the training data: training them now");
            NluTrainer.Trained trained = new NluTrainer(normalizer, identifier, languages).train(data);
            models = trained.models();
            if (Files.isWritable(files.trainingDir().getParent())) {
                files.write(trained);
                LOG.info("intent models trained in {} ms and saved", trained.millis());
            } else {
                LOG.warn("intent models trained in {} ms; the models folder is read-only, so they were not saved",
                        trained.millis());
            }
        }
        return new IntentRecognizer(normalizer, identifier, models, languages, data.vocabulary());
    }

    /** Trains from scratch and writes models, manifest and EVAL.md (the `train` command). */
    public static NluTrainer.Trained train(NluFiles files, List<String> languages) {
        TextNormalizer normalizer = new TextNormalizer(Abbreviations.load(files.abbreviationsDir(), languages));
        LanguageIdentifier identifier = LanguageIdentifier.load(languages);
        NluTrainer.Trained trained = new NluTrainer(normalizer, identifier, languages)
                .train(TrainingData.load(files, languages));
        files.write(trained);
        return trained;
    }
}
