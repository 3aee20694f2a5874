package org.mwalimu.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {

    private static final List<String> ENGLISH = List.of("en");

    @TempDir
    Path dir;

    private NluFiles files;

    @BeforeEach
    void writeASmallDataSet() throws IOException {
        files = new NluFiles(dir);
        Files.createDirectories(files.trainingDir().resolve("en"));
        Files.createDirectories(files.abbreviationsDir());
        Files.write(files.trainingDir().resolve("en").resolve("bot.thanks.txt"),
                List.of("thanks", "thank you", "", "thx", "asante", "cheers", "thanks a lot"));
        Files.write(files.abbreviationsDir().resolve("en.tsv"), List.of("thx\tthanks"));
    }

    @Test
    void everyFifthLineIsHeldOutAndBlankLinesDoNotCount() {
        TrainingData data = TrainingData.load(files, ENGLISH);

        assertEquals(List.of("cheers"), data.heldOut("en").stream().map(Example::text).toList());
        assertEquals(List.of("thanks", "thank you", "thx", "asante", "thanks a lot"),
                data.training("en").stream().map(Example::text).toList());
    }

    @Test
    void changingAnAbbreviationChangesTheHashSoTheModelsAreRetrained() throws IOException {
        String before = TrainingData.load(files, ENGLISH).hash();

        Files.writeString(files.abbreviationsDir().resolve("en.tsv"), "ty\tthank you\n", StandardOpenOption.APPEND);

        assertNotEquals(before, TrainingData.load(files, ENGLISH).hash());
    }

    @Test
    void changingAnExampleChangesTheHash() throws IOException {
        String before = TrainingData.load(files, ENGLISH).hash();
        assertEquals(before, TrainingData.load(files, ENGLISH).hash(), "the same data, the same hash");

        Files.writeString(files.trainingDir().resolve("en").resolve("bot.thanks.txt"), "ta\n", StandardOpenOption.APPEND);

        assertNotEquals(before, TrainingData.load(files, ENGLISH).hash());
    }
}
