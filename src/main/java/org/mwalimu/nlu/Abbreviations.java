package org.mwalimu.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SMS abbreviations of each language, from nlp-models/abbreviations/&lt;lang&gt;.tsv ("pls TAB please"). */
public final class Abbreviations {

    private Abbreviations() {
    }

    public static Map<String, Map<String, String[]>> load(Path dir, List<String> languages) {
        Map<String, Map<String, String[]>> all = new HashMap<>();
        for (String language : languages) {
            Path file = dir.resolve(language + ".tsv");
            Map<String, String[]> map = new HashMap<>();
            if (Files.isRegularFile(file)) {
                try {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        String[] parts = line.split("\t");
                        if (parts.length == 2 && !parts[0].isBlank()) {
                            map.put(TextNormalizer.clean(parts[0]), TextNormalizer.clean(parts[1]).split(" "));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            all.put(language, map);
        }
        return all;
    }
}
