package org.mwalimu.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.doccat.DoccatModel;

/**
 * The nlp-models/ folder: models/&lt;lang&gt;.bin, manifest.json (data hash, parameters, held-out
 * metrics, thresholds) and EVAL.md. A manifest that does not match the data means "retrain".
 */
public final class NluFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public NluFiles(Path dir) {
        this.dir = dir;
    }

    public Path trainingDir() {
        return dir.resolve("training");
    }

    public Path abbreviationsDir() {
        return dir.resolve("abbreviations");
    }

    /** The stored models, if the manifest says they were trained on exactly this data and these parameters. */
    public Optional<IntentModels> readIfCurrent(String dataHash, List<String> languages) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(manifest.toFile());
            if (!dataHash.equals(root.path("dataHash").asText()) || !NluTrainer.PARAMETERS.equals(root.path("parameters").asText())) {
                return Optional.empty();
            }
            Map<String, DoccatModel> models = new LinkedHashMap<>();
            Map<String, Calibration> calibrations = new LinkedHashMap<>();
            for (String language : languages) {
                Path file = dir.resolve("models").resolve(language + ".bin");
                JsonNode l = root.path("languages").path(language);
                if (!Files.isRegularFile(file) || l.isMissingNode()) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    models.put(language, new DoccatModel(in));
                }
                calibrations.put(language, new Calibration(l.path("threshold").asDouble(), l.path("margin").asDouble()));
            }
            return Optional.of(new IntentModels(models, calibrations));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The held-out accuracy per language recorded in the manifest, for the regression check. */
    public Map<String, Double> recordedAccuracy() {
        try {
            JsonNode root = JSON.readTree(dir.resolve("manifest.json").toFile());
            Map<String, Double> accuracy = new LinkedHashMap<>();
            root.path("languages").fields().forEachRemaining(e -> accuracy.put(e.getKey(), e.getValue().path("accuracy").asDouble()));
            return accuracy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(NluTrainer.Trained trained) {
        try {
            Files.createDirectories(dir.resolve("models"));
            for (Map.Entry<String, DoccatModel> e : trained.models().models().entrySet()) {
                try (OutputStream out = Files.newOutputStream(dir.resolve("models").resolve(e.getKey() + ".bin"))) {
                    e.getValue().serialize(out);
                }
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("dataHash", trained.dataHash());
            root.put("parameters", NluTrainer.PARAMETERS);
            root.put("trainedAt", Instant.now().toString());
            root.put("trainingMillis", trained.millis());
            root.put("languageDetectionAccuracy", round(trained.languageDetection()));
            ObjectNode languages = root.putObject("languages");
            trained.heldOut().forEach((language, eval) -> {
                Calibration c = trained.models().calibration(language);
                languages.putObject(language)
                        .put("accuracy", round(eval.accuracy()))
                        .put("macroF1", round(eval.macroF1()))
                        .put("outOfScopeFallback", round(eval.fallbackRecall()))
                        .put("inScopeFallback", round(eval.inScopeFallbackRate()))
                        .put("heldOutExamples", eval.examples())
                        .put("threshold", c.threshold())
                        .put("margin", c.margin());
            });
            JSON.writeValue(dir.resolve("manifest.json").toFile(), root);
            Files.writeString(dir.resolve("EVAL.md"), evalReport(trained));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String evalReport(NluTrainer.Trained trained) {
        StringBuilder md = new StringBuilder("# Intent classifier: held-out evaluation\n\n");
        md.append("Written by `java -jar target/mwalimu.jar train` from the held-out split (every fifth line of each\n")
                .append("training file), which the models never saw. Parameters: `").append(NluTrainer.PARAMETERS).append("`.\n\n");
        md.append("| language | accuracy | macro-F1 | out-of-scope that fall back | in-scope that fall back | threshold | examples |\n")
                .append("|---|---|---|---|---|---|---|\n");
        trained.heldOut().forEach((language, e) -> md.append(String.format("| %s | %.1f%% | %.3f | %.1f%% | %.1f%% | %.2f | %d |%n",
                language, 100 * e.accuracy(), e.macroF1(), 100 * e.fallbackRecall(), 100 * e.inScopeFallbackRate(),
                trained.models().calibration(language).threshold(), e.examples())));
        md.append(String.format("%nLanguage detection on held-out messages of four words or more: %.1f%%.%n",
                100 * trained.languageDetection()));
        trained.heldOut().forEach((language, e) -> md.append("\n## ").append(language).append("\n\n```\n")
                .append(e.report()).append("```\n"));
        return md.toString();
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
