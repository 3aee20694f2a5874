package org.mwalimu.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The examples under nlp-models/training/&lt;lang&gt;/&lt;intent&gt;.txt, one per line, split the same
 * way every time: every fifth line of each file is held out for evaluation and never trained on.
 * The hash covers the examples and the abbreviations, since both change what the models learn.
 */
public record TrainingData(List<Example> training, List<Example> heldOut, String hash) {

    public static final String FALLBACK = "fallback";

    public static TrainingData load(NluFiles nlu, List<String> languages) {
        List<Example> training = new ArrayList<>();
        List<Example> heldOut = new ArrayList<>();
        MessageDigest digest = sha256();
        for (String language : languages) {
            Path abbreviations = nlu.abbreviationsDir().resolve(language + ".tsv");
            if (Files.isRegularFile(abbreviations)) {
                lines(abbreviations).forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            for (Path file : files(nlu.trainingDir().resolve(language))) {
                String intent = file.getFileName().toString().replaceFirst("\\.txt$", "");
                List<String> lines = lines(file);
                digest.update((language + "/" + intent + "\n").getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < lines.size(); i++) {
                    digest.update((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                    Example example = new Example(language, intent, lines.get(i));
                    (i % 5 == 4 ? heldOut : training).add(example);
                }
            }
        }
        return new TrainingData(List.copyOf(training), List.copyOf(heldOut), HexFormat.of().formatHex(digest.digest()));
    }

    /** Per language, every word of its training examples, normalised: a cheap language signal. */
    public Map<String, Set<String>> vocabulary() {
        Map<String, Set<String>> words = new HashMap<>();
        for (Example e : training) {
            words.computeIfAbsent(e.language(), l -> new HashSet<>())
                    .addAll(List.of(TextNormalizer.words(TextNormalizer.clean(e.text()))));
        }
        return words;
    }

    public List<Example> training(String language) {
        return training.stream().filter(e -> e.language().equals(language)).toList();
    }

    public List<Example> heldOut(String language) {
        return heldOut.stream().filter(e -> e.language().equals(language)).toList();
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no training data in " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
