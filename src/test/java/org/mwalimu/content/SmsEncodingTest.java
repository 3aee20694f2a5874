package org.mwalimu.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-ASCII characters are written as \\u escapes so the test does not depend on the build's encoding. */
class SmsEncodingTest {

    private static final String EURO = "\u20AC";
    private static final String A_TILDE = "\u00E3";   // ã, not GSM-7
    private static final String GRINNING = "\uD83D\uDE00"; // 😀, two UTF-16 units

    private final SmsEncoding plain = new SmsEncoding(false);
    private final SmsEncoding folding = new SmsEncoding(true);

    private static SmsEncoding.Segments gsm(int units, int count) {
        return new SmsEncoding.Segments(SmsEncoding.Alphabet.GSM7, units, count);
    }

    private static SmsEncoding.Segments ucs2(int units, int count) {
        return new SmsEncoding.Segments(SmsEncoding.Alphabet.UCS2, units, count);
    }

    @Nested
    class Gsm7Segments {

        @Test
        void emptyTextIsStillOneMessage() {
            assertEquals(gsm(0, 1), plain.segments(""));
        }

        @Test
        void plainAsciiFillsOneSmsUpTo160Septets() {
            assertEquals(gsm(1, 1), plain.segments("a"));
            assertEquals(gsm(160, 1), plain.segments("a".repeat(160)));
        }

        @Test
        void concatenatedPartsHold153Septets() {
            assertEquals(gsm(161, 2), plain.segments("a".repeat(161))); // 153 + 8
            assertEquals(gsm(306, 2), plain.segments("a".repeat(306))); // 153 + 153
            assertEquals(gsm(307, 3), plain.segments("a".repeat(307))); // 153 + 153 + 1
            assertEquals(gsm(459, 3), plain.segments("a".repeat(459)));
            assertEquals(gsm(460, 4), plain.segments("a".repeat(460)));
        }

        @Test
        void extensionCharactersCostTwoSeptets() {
            assertEquals(gsm(160, 1), plain.segments(EURO.repeat(80)));
            assertEquals(gsm(162, 2), plain.segments(EURO.repeat(81)));
            assertEquals(gsm(3, 1), plain.segments("a" + EURO));
            assertEquals(gsm(20, 1), plain.segments("^{}\\[~]|" + EURO + "\f"));
        }

        @Test
        void escapePairIsNeverSplitAcrossParts() {
            // A single SMS may end with an escape pair: 158 + 2 = 160.
            assertEquals(gsm(160, 1), plain.segments("a".repeat(158) + EURO));
            // 152 + 2 + 7 = 161 septets: part 1 holds 152 (the euro cannot take the 153rd septet alone).
            assertEquals(gsm(161, 2), plain.segments("a".repeat(152) + EURO + "a".repeat(7)));
            // Naively 306 septets = 2 parts, but part 1 stops at 152 so the text needs 3.
            assertEquals(gsm(306, 3), plain.segments("a".repeat(152) + EURO + "a".repeat(152)));
            // When the pair fits exactly at 152-153 there is no waste.
            assertEquals(gsm(306, 2), plain.segments("a".repeat(151) + EURO + "a".repeat(153)));
        }

        @Test
        void gsmCharactersOutsideAsciiStayGsm7() {
            String text = "\u00C7a co\u00FBte 5\u00A3 ou 5" + EURO + ", \u00E7a va? \u0394\u03A9 \u00BFQu\u00E9?";
            // û (U+00FB) is not GSM-7: without it everything above is.
            assertEquals(SmsEncoding.Alphabet.UCS2, plain.segments(text).alphabet());
            String gsmOnly = text.replace("\u00FB", "u");
            assertEquals(SmsEncoding.Alphabet.GSM7, plain.segments(gsmOnly).alphabet());
            assertEquals(gsmOnly.length() + 1, plain.segments(gsmOnly).units()); // one euro
        }
    }

    @Nested
    class Ucs2Segments {

        @Test
        void oneNonGsmCharacterSwitchesTheWholeMessageToUcs2() {
            assertEquals(ucs2(1, 1), plain.segments(A_TILDE));
            assertEquals(ucs2(70, 1), plain.segments(A_TILDE + "a".repeat(69)));
            assertEquals(ucs2(71, 2), plain.segments(A_TILDE + "a".repeat(70)));
            assertEquals(ucs2(134, 2), plain.segments(A_TILDE + "a".repeat(133)));
            assertEquals(ucs2(135, 3), plain.segments(A_TILDE + "a".repeat(134)));
        }

        @Test
        void ucs2CountsExtensionCharactersAsOneUnit() {
            assertEquals(ucs2(2, 1), plain.segments(EURO + A_TILDE));
        }

        @Test
        void emojiCountsTwoUnits() {
            assertEquals(ucs2(2, 1), plain.segments(GRINNING));
            assertEquals(ucs2(70, 1), plain.segments(GRINNING.repeat(35)));
            assertEquals(ucs2(72, 2), plain.segments(GRINNING.repeat(36)));
            assertEquals(ucs2(70, 1), plain.segments("a".repeat(68) + GRINNING));
        }

        @Test
        void surrogatePairIsNeverSplitAcrossParts() {
            // 134 units would fit 2 x 67, but the emoji cannot take units 67-68, so part 1 holds 66.
            assertEquals(ucs2(134, 3), plain.segments("a".repeat(66) + GRINNING + "a".repeat(66)));
            assertEquals(ucs2(134, 2), plain.segments("a".repeat(65) + GRINNING + "a".repeat(67)));
            // 33 emoji = 66 units per part: 34 emoji (68 units) need 2 parts, 67 emoji need 3.
            assertEquals(ucs2(68, 1), plain.segments(GRINNING.repeat(34)));
            assertEquals(ucs2(132, 2), plain.segments(GRINNING.repeat(66)));
            assertEquals(ucs2(134, 3), plain.segments(GRINNING.repeat(67)));
        }

        @Test
        void loneSurrogateCountsOneUnit() {
            assertEquals(ucs2(71, 2), plain.segments("\uD83D" + "a".repeat(70)));
        }
    }

    @Nested
    class Prepare {

        @Test
        void frenchLessonWithTypographyStaysGsm7AndOneSegment() {
            String lesson = "Aujourd\u2019hui, l\u2019\u00E9l\u00E8ve apprend \u00E0 envoyer un e\u2011mail\u202F: "
                    + "c\u2019est facile\u2026 R\u00E9pondez \u201COK\u201D\u00A0\u2014 ou \u2018STOP\u2019 \u2013 merci.";
            assertEquals(SmsEncoding.Alphabet.UCS2, plain.segments(lesson).alphabet());

            String sent = plain.prepare(lesson);

            assertEquals("Aujourd'hui, l'\u00E9l\u00E8ve apprend \u00E0 envoyer un e-mail : "
                    + "c'est facile... R\u00E9pondez \"OK\" - ou 'STOP' - merci.", sent);
            assertTrue(SmsEncoding.isGsm7(sent));
            SmsEncoding.Segments cost = plain.segments(sent);
            assertEquals(SmsEncoding.Alphabet.GSM7, cost.alphabet());
            assertEquals(1, cost.count());
            assertEquals(sent.length(), cost.units());
        }

        static Stream<Arguments> typography() {
            return Stream.of(
                    Arguments.of("\u2019", "'"), Arguments.of("\u2018", "'"), Arguments.of("\u201A", "'"),
                    Arguments.of("\u201B", "'"), Arguments.of("\u2032", "'"),
                    Arguments.of("\u201C", "\""), Arguments.of("\u201D", "\""), Arguments.of("\u201E", "\""),
                    Arguments.of("\u2033", "\""),
                    Arguments.of("\u2013", "-"), Arguments.of("\u2014", "-"), Arguments.of("\u2012", "-"),
                    Arguments.of("\u2015", "-"), Arguments.of("\u2022", "-"),
                    Arguments.of("\u2026", "..."),
                    Arguments.of("\u00A0", " "), Arguments.of("\u202F", " "), Arguments.of("\u2009", " "),
                    Arguments.of("\u2002", " "), Arguments.of("\u200A", " "), Arguments.of("\u3000", " "),
                    Arguments.of("\u200B", ""), Arguments.of("\u200C", ""), Arguments.of("\u200D", ""),
                    Arguments.of("\uFEFF", ""));
        }

        @ParameterizedTest(name = "U+{0} -> \"{1}\"")
        @MethodSource("typography")
        void replacesTypographicCharacters(String typographic, String expected) {
            assertEquals("a" + expected + "b", plain.prepare("a" + typographic + "b"));
            assertEquals("a" + expected + "b", folding.prepare("a" + typographic + "b"));
        }

        @Test
        void bulletListBecomesDashes() {
            assertEquals("- Ouvrir\n- Envoyer", plain.prepare("\u2022 Ouvrir\n\u2022\u00A0Envoyer"));
        }

        @Test
        void ellipsisCostsThreeSeptetsOnceReplaced() {
            assertEquals(gsm(3, 1), plain.segments(plain.prepare("\u2026")));
        }

        @Test
        void gsmTextIsReturnedUntouched() {
            String text = "Karibu! Tuma 1 kujifunza barua pepe, 2 kwa M-Pesa. {STOP} " + EURO + " \u00E9\u00E0\u00E7";
            assertSame(text, plain.prepare(text));
            assertSame(text, folding.prepare(text));
            assertEquals("", plain.prepare(""));
        }

        @Test
        void withoutFoldingAccentsOutsideGsm7AreKept() {
            assertEquals("N" + A_TILDE + "o", plain.prepare("N" + A_TILDE + "o"));
            assertEquals(SmsEncoding.Alphabet.UCS2, plain.segments(plain.prepare("N" + A_TILDE + "o")).alphabet());
            assertEquals("\u00C0 bient\u00F4t", plain.prepare("\u00C0 bient\u00F4t"));
        }

        @Test
        void foldingTurnsPortugueseIntoGsm7AndKeepsGsmAccents() {
            String portuguese = "N\u00E3o, obriga\u00E7\u00E3o, voc\u00EA. At\u00E9 j\u00E1, \u00E0 tarde!";

            String sent = folding.prepare(portuguese);

            // ã → a, ê → e, á → a; é, ç and à are GSM-7 and stay.
            assertEquals("Nao, obriga\u00E7ao, voce. At\u00E9 ja, \u00E0 tarde!", sent);
            assertTrue(SmsEncoding.isGsm7(sent));
            assertEquals(gsm(sent.length(), 1), folding.segments(sent));
        }

        @Test
        void foldingKeepsEveryGsm7Letter() {
            String gsmLetters = "\u00E9\u00E8\u00E0\u00F9\u00EC\u00F2\u00C7\u00E7\u00E4\u00F6\u00F1\u00FC"
                    + "\u00C4\u00D6\u00D1\u00DC\u00C9\u00C5\u00E5\u00D8\u00F8\u00C6\u00E6\u00DF"
                    + "\u0394\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E";
            assertSame(gsmLetters, folding.prepare(gsmLetters));
        }

        @Test
        void foldingChecksUpperCaseSeparately() {
            // à, è, ù, ì, ò are GSM-7 but their capitals are not.
            assertEquals("AEUIO \u00E0\u00E8\u00F9\u00EC\u00F2",
                    folding.prepare("\u00C0\u00C8\u00D9\u00CC\u00D2 \u00E0\u00E8\u00F9\u00EC\u00F2"));
            assertEquals("aiouaeoiueiyAEIOU",
                    folding.prepare("\u00E1\u00ED\u00F3\u00FA\u00E2\u00EA\u00F4\u00EE\u00FB\u00EB\u00EF\u00FF"
                            + "\u00C1\u00CA\u00CD\u00D3\u00DA"));
        }

        @Test
        void foldingHandlesLettersWithoutDecomposition() {
            assertEquals("oeuvre OE lodz Swiety dom", folding.prepare(
                    "\u0153uvre \u0152 \u0142\u00F3d\u017A \u015Awi\u0119ty \u0111om"));
        }

        @Test
        void foldingKeepsAsMuchOfTheAccentAsGsm7Allows() {
            // ǘ = ü + acute → ü; ḉ = ç + acute → ç; Ǻ = Å + acute → Å.
            assertEquals("\u00FC\u00E7\u00C5", folding.prepare("\u01D8\u1E09\u01FA"));
        }

        @Test
        void decomposedAccentsAreRecomposedEvenWithoutFolding() {
            // e + combining acute is the same letter as é, which is GSM-7.
            assertEquals("caf\u00E9", plain.prepare("cafe\u0301"));
            assertTrue(SmsEncoding.isGsm7(plain.prepare("cafe\u0301")));
            // a + combining tilde has a precomposed ã, which is not GSM-7.
            assertEquals("n" + A_TILDE + "o", plain.prepare("na\u0303o"));
            assertEquals("nao", folding.prepare("na\u0303o"));
            // x + combining tilde has no precomposed form: only folding can drop the mark.
            assertEquals("x\u0303", plain.prepare("x\u0303"));
            assertEquals("x", folding.prepare("x\u0303"));
        }

        @Test
        void whatCannotBeFoldedIsLeftAndHonestlyCostsUcs2() {
            String mixed = "Habari " + GRINNING + " \u041F\u0440\u0438\u0432\u0435\u0442 \u03B1\u03B2 \u0645\u0631\u062D\u0628\u0627";
            assertEquals(mixed, folding.prepare(mixed));
            assertEquals(SmsEncoding.Alphabet.UCS2, folding.segments(folding.prepare(mixed)).alphabet());
        }

        @Test
        void foldingDoesNotDropMarksOfOtherScripts() {
            String hindi = "\u0928\u092E\u0938\u094D\u0924\u0947"; // नमस्ते: virama and vowel sign are marks
            assertEquals(hindi, folding.prepare(hindi));
            String keycap = "1\uFE0F\u20E3"; // 1️⃣
            assertEquals(keycap, folding.prepare(keycap));
        }

        @Test
        void zeroWidthJoinerInsideAnEmojiSequenceIsKept() {
            String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // 👩‍💻
            assertEquals("Kazi " + technologist, plain.prepare("Kazi\u200B " + technologist));
            assertEquals("ab", plain.prepare("a\u200Db"));
        }

        @Test
        void prepareIsIdempotent() {
            for (String text : List.of(
                    "L\u2019\u00E9t\u00E9\u2026 \u201Cok\u201D",
                    "N\u00E3o, obriga\u00E7\u00E3o " + GRINNING,
                    "cafe\u0301 \u0153uvre \u00C0",
                    "a\u00A0\u2014\u00A0b\uFEFF")) {
                for (SmsEncoding encoding : List.of(plain, folding)) {
                    String once = encoding.prepare(text);
                    assertEquals(once, encoding.prepare(once), text);
                }
            }
        }

        @Test
        void rejectsNull() {
            assertThrows(NullPointerException.class, () -> plain.prepare(null));
            assertThrows(NullPointerException.class, () -> plain.segments(null));
            assertThrows(NullPointerException.class, () -> SmsEncoding.isGsm7(null));
        }
    }

    @Nested
    class IsGsm7 {

        @Test
        void emptyTextIsGsm7() {
            assertTrue(SmsEncoding.isGsm7(""));
        }

        @Test
        void wholeDefaultAlphabetAndExtensionTableAreGsm7() {
            String basic = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
                    + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u00C6\u00E6\u00DF\u00C9"
                    + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
                    + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
                    + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
            assertEquals(127, basic.length()); // 128 codes minus the escape
            assertTrue(SmsEncoding.isGsm7(basic));
            assertEquals(gsm(127, 1), new SmsEncoding(false).segments(basic));
            String extension = "\f^{}\\[~]|" + EURO;
            assertTrue(SmsEncoding.isGsm7(extension));
            assertEquals(gsm(20, 1), new SmsEncoding(false).segments(extension));
        }

        @Test
        void exactly138CharactersOfTheBmpAreGsm7() {
            // 127 of the default alphabet + lower-case ç + 10 of the extension table.
            int count = 0;
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                if (SmsEncoding.isGsm7(String.valueOf(c))) {
                    count++;
                }
            }
            assertEquals(138, count);
        }

        @Test
        void lowerCaseCedillaIsTreatedAsGsm7() {
            assertTrue(SmsEncoding.isGsm7("\u00E7a"));
            assertEquals(gsm(2, 1), new SmsEncoding(false).segments("\u00E7a"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "\u001B",            // the escape code itself is not a character
                "`",                 // backtick: ASCII but not GSM-7
                "\t",                // tab
                "\u00A0",            // no-break space
                "\u00C0",            // À: only lower-case à is GSM-7
                "\u00E1",            // á
                "\u00E3",            // ã
                "\u00EA",            // ê
                "\u03B1",            // Greek small alpha: only some capitals are GSM-7
                "\u0391",            // Greek capital alpha
                "\u2019",            // typographic apostrophe
                "\uD83D\uDE00",      // emoji
                "\uD83D",            // lone surrogate
                "\u0000",            // NUL is not @
                "\u00A2",            // ¢
                "ok\u2026"           // one bad character is enough
        })
        void rejects(String text) {
            assertFalse(SmsEncoding.isGsm7(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u00A4", "\u00A7", "\u00A1", "\u00BF", "\u00A5", "_", "@", "$", "\u20AC", "\f", "\r\n"})
        void accepts(String text) {
            assertTrue(SmsEncoding.isGsm7(text));
        }
    }
}
