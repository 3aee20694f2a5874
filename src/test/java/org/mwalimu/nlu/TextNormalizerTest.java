package org.mwalimu.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer(Map.of(
            "en", Map.of("pls", new String[] {"please"}, "pswd", new String[] {"password"}),
            "fr", Map.of("mdp", new String[] {"mot", "de", "passe"})));

    @Test
    void foldsCaseAccentsPunctuationAndRepeatedLetters() {
        assertEquals("reset my password please", TextNormalizer.clean("RESET my Password!!!  pleeeease???"));
        assertEquals("j ai oublie mon mot de passe", TextNormalizer.clean("J'ai oublié mon mot-de-passe…"));
        assertEquals("nao recebi o codigo", TextNormalizer.clean("Não recebi o código"));
        assertEquals("ffi 2", TextNormalizer.clean("ﬃ ²"), "NFKC first");
        assertEquals("hello", TextNormalizer.clean("hellooooo"));
        assertEquals("", TextNormalizer.clean("😀 ?!"));
    }

    @Test
    void expandsTheLanguagesAbbreviationsOnly() {
        assertArrayEquals(new String[] {"please", "reset", "password"}, normalizer.tokens("Pls reset pswd", "en"));
        assertArrayEquals(new String[] {"pls", "reset", "pswd"}, normalizer.tokens("Pls reset pswd", "fr"));
        assertArrayEquals(new String[] {"mot", "de", "passe", "oublie"}, normalizer.tokens("MDP oublié", "fr"));
    }
}
