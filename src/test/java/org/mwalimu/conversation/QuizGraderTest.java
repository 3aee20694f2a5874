package org.mwalimu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuizGraderTest {

    private static final List<String> OPTIONS = List.of("D'un appareil wifi", "De votre carte SIM", "De la batterie");

    @ParameterizedTest
    @ValueSource(strings = {"2", "b", "B", "B)", "b.", " B ", "b:", "b-", "b )", "2)", "2.", "b) some text",
            "B. De votre carte", "b:whatever", "  b)  "})
    void aNumberOrALetterInTheUsualShapesChoosesTheSecondOption(String typed) {
        assertEquals(Optional.of(2), QuizGrader.choice(typed, OPTIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"De votre carte SIM", "de votre carte sim", "DE VOTRE CARTE SIM", "  De votre carte SIM! "})
    void theExactTextOfAnOptionChoosesItWhateverTheCase(String typed) {
        assertEquals(Optional.of(2), QuizGrader.choice(typed, OPTIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d'un appareil wifi", "D'UN APPAREIL WIFI", "D'un appareil wifi."})
    void theExactTextOfTheFirstOptionChoosesIt(String typed) {
        assertEquals(Optional.of(1), QuizGrader.choice(typed, OPTIONS));
    }

    @Test
    void accentsDoNotMatterInTheOptionText() {
        List<String> options = List.of("Le téléphone", "La batterie épuisée", "Ça dépend");
        assertEquals(Optional.of(1), QuizGrader.choice("le telephone", options));
        assertEquals(Optional.of(2), QuizGrader.choice("LA BATTERIE EPUISEE", options));
        assertEquals(Optional.of(3), QuizGrader.choice("ca depend", options));
        assertEquals(Optional.of(2), QuizGrader.choice("Lá Bâttêrïe Épuisée", options));
    }

    @Test
    void theOptionTextWinsOverTheLetterItStartsWith() {
        List<String> options = List.of("A real prize", "A scam");
        assertEquals(Optional.of(2), QuizGrader.choice("a scam", options));
        assertEquals(Optional.of(1), QuizGrader.choice("A REAL PRIZE", options));
    }

    @Test
    void anOptionWhoseTextIsANumberIsChosenByThatText() {
        List<String> options = List.of("Your first name", "TreeSunCup48", "123456");
        assertEquals(Optional.of(3), QuizGrader.choice("123456", options));
        assertEquals(Optional.of(2), QuizGrader.choice("treesuncup48", options));
        assertEquals(Optional.of(1), QuizGrader.choice("1", options));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "a", "A)", "a. first"})
    void theFirstOptionCanBeChosen(String typed) {
        assertEquals(Optional.of(1), QuizGrader.choice(typed, OPTIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "c", "C)", "c - last one"})
    void theLastOptionCanBeChosen(String typed) {
        assertEquals(Optional.of(3), QuizGrader.choice(typed, OPTIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "D)", "7", "0", "4", "z", "10", "99"})
    void aLetterOrNumberBeyondTheOptionsChoosesNothing(String typed) {
        assertEquals(Optional.empty(), QuizGrader.choice(typed, OPTIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is wifi?", "I think b", "bb", "the SIM card", "", "   ", "123", "b c", "carte SIM"})
    void freeTextChoosesNothing(String typed) {
        assertEquals(Optional.empty(), QuizGrader.choice(typed, OPTIONS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "D)", "7", "z.", "b", "2", "b) some text", "10"})
    void aShortLetterOrNumberLooksLikeAnAttempt(String typed) {
        assertTrue(QuizGrader.looksLikeAttempt(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is wifi?", "I think b", "bb", "", "123", "hello there", "carte SIM"})
    void freeTextDoesNotLookLikeAnAttempt(String typed) {
        assertFalse(QuizGrader.looksLikeAttempt(typed));
    }

    @Test
    void lettersFollowTheOptionNumbers() {
        assertEquals("A", QuizGrader.letter(1));
        assertEquals("B", QuizGrader.letter(2));
        assertEquals("C", QuizGrader.letter(3));
        assertEquals("I", QuizGrader.letter(9));
    }
}
