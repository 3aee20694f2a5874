package org.mwalimu.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mwalimu.nlu.Abbreviations;
import org.mwalimu.nlu.Evaluation;
import org.mwalimu.nlu.Example;
import org.mwalimu.nlu.IntentRecognizer;
import org.mwalimu.nlu.LanguageIdentifier;
import org.mwalimu.nlu.NluFiles;
import org.mwalimu.nlu.NluLoader;
import org.mwalimu.nlu.NluTrainer;
import org.mwalimu.nlu.TextNormalizer;
import org.mwalimu.nlu.TrainingData;

/** The `train`, `eval FILE.tsv` and `benchmark-nlu` commands. */
final class NluCommands {

    private NluCommands() {
    }

    static int train(Config config) {
        NluTrainer.Trained trained = NluLoader.train(new NluFiles(config.nlpDir()), config.languages());
        System.out.printf("trained %s in %.1f s; held-out accuracy:%n", config.languages(), trained.millis() / 1000.0);
        trained.heldOut().forEach((language, e) -> System.out.printf(
                "  %s  accuracy %.1f%%  macro-F1 %.3f  out-of-scope caught %.1f%%  in-scope fallback %.1f%%%n",
                language, 100 * e.accuracy(), e.macroF1(), 100 * e.fallbackRecall(), 100 * e.inScopeFallbackRate()));
        System.out.printf("  language detection (4+ words) %.1f%%%n", 100 * trained.languageDetection());
        System.out.println("wrote " + config.nlpDir().resolve("manifest.json") + " and EVAL.md");
        return 0;
    }

    /** Reads `lang TAB intent TAB text` lines after a header line and prints the scores. */
    static int eval(Config config, String[] args) {
        if (args.length < 2) {
            System.err.println("Usage: eval FILE.tsv   (lines: language<TAB>intent<TAB>text, after a header line)");
            return 2;
        }
        List<Example> examples = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] parts = lines.get(i).split("\t", 3);
                if (parts.length < 3 || !config.languages().contains(parts[0].strip())) {
                    System.err.println(args[1] + ":" + (i + 1) + ": expected language<TAB>intent<TAB>text with a language of "
                            + config.languages());
                    return 2;
                }
                examples.add(new Example(parts[0].strip(), parts[1].strip(), parts[2]));
            }
        } catch (IOException e) {
            System.err.println("Cannot read " + args[1] + ": " + e.getMessage());
            return 2;
        }
        IntentRecognizer recognizer = NluLoader.load(new NluFiles(config.nlpDir()), config.languages());
        System.out.print(NluTrainer.evaluate(recognizer, examples).report());
        return 0;
    }

    /** Training time, classifications per second on one thread, and the heap the models take. */
    static int benchmark(Config config) {
        NluFiles files = new NluFiles(config.nlpDir());
        List<String> languages = config.languages();
        long before = usedHeap();
        IntentRecognizer recognizer = NluLoader.load(files, languages);
        long heap = usedHeap() - before;
        TextNormalizer normalizer = new TextNormalizer(Abbreviations.load(files.abbreviationsDir(), languages));
        TrainingData data = TrainingData.load(files, languages);
        long started = System.nanoTime();
        new NluTrainer(normalizer, LanguageIdentifier.load(languages), languages).train(data);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        List<String> texts = data.heldOut().stream().map(Example::text).toList();
        for (int i = 0; i < 20_000; i++) {
            recognizer.parse(texts.get(i % texts.size()), Optional.empty()); // warm-up
        }
        int n = 100_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            recognizer.parse(texts.get(i % texts.size()), Optional.empty());
        }
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("classification (normalise + detect language + classify, one thread): %.0f messages/s%n", perSecond);
        System.out.printf("training all %d languages: %.1f s%n", languages.size(), trainSeconds);
        System.out.printf("heap taken by the loaded models and language detector: %d MB%n", heap / (1024 * 1024));
        return 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
