package org.mwalimu.content;

import java.text.Normalizer;
import java.util.Objects;

/**
 * What an SMS really costs the citizen, and how to keep that cost down.
 *
 * <p>Follows GSM 03.38 / 3GPP TS 23.038: a message whose every character is in the GSM-7 default
 * alphabet (or its extension table, two septets each) goes as GSM-7, 160 septets in a single SMS and
 * 153 per part once concatenated (the user data header eats the rest); anything else goes as UCS-2,
 * 70 UTF-16 code units alone and 67 per part. An escape pair or a surrogate pair is never split
 * across parts, so a part may hold one unit less than the limit.
 *
 * <p>{@link #prepare(String)} replaces typographic characters (curly quotes, dashes, ellipsis,
 * exotic spaces...) by their GSM-7 equivalents, so that one stray {@code ’} does not silently turn a
 * lesson into UCS-2 and more than double its price; with {@code foldAccents} it also folds letters
 * outside GSM-7 to their closest GSM-7 form (ã → a), keeping those already in it (é, ç, à, ü...).
 *
 * <p>Immutable and thread-safe; all tables are built once, no regex runs per call.
 */
public final class SmsEncoding {

    public enum Alphabet { GSM7, UCS2 }

    /** units = GSM-7 septets (extension chars count 2) or UTF-16 code units for UCS-2. */
    public record Segments(Alphabet alphabet, int units, int count) {
        public Segments {
            Objects.requireNonNull(alphabet, "alphabet");
            if (units < 0 || count < 1) {
                throw new IllegalArgumentException("units " + units + ", count " + count);
            }
        }
    }

    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_PER_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PER_PART = 67;

    /**
     * The GSM 03.38 default alphabet in code order (0x00 to 0x7F). 0x1B is the escape to the
     * extension table, not a character: it is kept here only so that the string has its 128 slots.
     */
    static final String BASIC_ALPHABET =
            "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r\u00C5\u00E5"
            + "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?"
            + "\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";
    private static final char ESCAPE = '\u001B';

    /** The extension table (each sent as ESC + code, so two septets): FF ^ { } \ [ ~ ] | €. */
    static final String EXTENSION = "\f^{}\\[~]|\u20AC";

    private static final char EURO = '\u20AC';
    /** Covers every GSM-7 character but the euro sign (Ω, U+03A9, is the highest). */
    private static final int TABLE_SIZE = 0x400;
    /** Septets per character: 0 = not GSM-7, 1 = basic alphabet, 2 = extension table. */
    private static final byte[] SEPTETS = new byte[TABLE_SIZE];

    /** Letters below this bound (Latin, Greek, Cyrillic, Vietnamese...) have their folding memoised. */
    private static final int FOLD_TABLE_SIZE = 0x2000;
    /**
     * Folded form of each code point below FOLD_TABLE_SIZE: null = not computed yet, NO_FOLD = keep it.
     * Filled on first use rather than at class load (that took ~100 ms for 5,000 letters). Racing
     * threads compute the same immutable String, so the unsynchronised writes are harmless.
     */
    private static final String[] FOLDED = new String[FOLD_TABLE_SIZE];
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NO_FOLD = new String("keep"); // compared by identity

    static {
        if (BASIC_ALPHABET.length() != 128 || EXTENSION.length() != 10) {
            throw new AssertionError("GSM 03.38 tables are corrupt");
        }
        for (int i = 0; i < BASIC_ALPHABET.length(); i++) {
            char c = BASIC_ALPHABET.charAt(i);
            if (c != ESCAPE) {
                SEPTETS[c] = 1;
            }
        }
        // Lower-case ç is not in GSM 03.38, but most gateways send it as Ç (0x09) rather than go UCS-2.
        SEPTETS['\u00E7'] = 1;
        for (int i = 0; i < EXTENSION.length(); i++) {
            char c = EXTENSION.charAt(i);
            if (c != EURO) {
                SEPTETS[c] = 2;
            }
        }
    }

    private final boolean foldAccents;

    /** @param foldAccents MW_SMS_FOLD_ACCENTS: also fold letters outside GSM-7 (ã → a) in {@link #prepare}. */
    public SmsEncoding(boolean foldAccents) {
        this.foldAccents = foldAccents;
    }

    /** The text that is actually sent: typography replaced by GSM-7 equivalents, accents folded if asked. */
    public String prepare(String text) {
        Objects.requireNonNull(text, "text");
        boolean allGsm = true;
        boolean combining = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (septets(c) == 0) {
                allGsm = false;
                if (c >= '\u0300' && c <= '\u036F') {
                    combining = true;
                    break;
                }
            }
        }
        if (allGsm) {
            return text;
        }
        // Decomposed input (e + U+0301) is recomposed first: canonically equivalent, and é is GSM-7.
        String source = combining ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
        StringBuilder out = new StringBuilder(source.length() + 8);
        int length = source.length();
        for (int i = 0; i < length; ) {
            int cp = source.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                char c = (char) cp;
                if (septets(c) > 0) {
                    out.append(c);
                    i = next;
                    continue;
                }
                String typographic = typographic(c);
                if (typographic != null) {
                    if (c == '\u200D' && joinsEmoji(out, source, next)) {
                        out.append(c);
                    } else {
                        out.append(typographic);
                    }
                    i = next;
                    continue;
                }
            }
            if (foldAccents) {
                if (isCombiningDiacritic(cp) && endsWithGsm7(out)) {
                    i = next; // a mark on a GSM-7 base that has no precomposed GSM-7 form: drop it
                    continue;
                }
                String folded = fold(cp);
                if (folded != null) {
                    out.append(folded);
                    i = next;
                    continue;
                }
            }
            out.appendCodePoint(cp);
            i = next;
        }
        return out.toString();
    }

    /** The cost of the text as given; call {@link #prepare} first to get the real cost. */
    public Segments segments(String text) {
        Objects.requireNonNull(text, "text");
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = septets(text.charAt(i));
            if (cost == 0) {
                return ucs2Segments(text);
            }
            septets += cost;
        }
        if (septets <= GSM7_SINGLE) {
            return new Segments(Alphabet.GSM7, septets, 1);
        }
        int count = 1;
        int fill = 0;
        for (int i = 0; i < text.length(); i++) {
            int cost = septets(text.charAt(i));
            if (fill + cost > GSM7_PER_PART) { // never split ESC from its character
                count++;
                fill = 0;
            }
            fill += cost;
        }
        return new Segments(Alphabet.GSM7, septets, count);
    }

    /** True when every character of the text can be sent as GSM-7 (basic alphabet or extension table). */
    public static boolean isGsm7(String text) {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static Segments ucs2Segments(String text) {
        int units = text.length();
        if (units <= UCS2_SINGLE) {
            return new Segments(Alphabet.UCS2, units, 1);
        }
        int count = 1;
        int fill = 0;
        for (int i = 0; i < units; ) {
            int cost = Character.isHighSurrogate(text.charAt(i))
                    && i + 1 < units && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (fill + cost > UCS2_PER_PART) { // never split a surrogate pair
                count++;
                fill = 0;
            }
            fill += cost;
            i += cost;
        }
        return new Segments(Alphabet.UCS2, units, count);
    }

    private static int septets(char c) {
        if (c < TABLE_SIZE) {
            return SEPTETS[c];
        }
        return c == EURO ? 2 : 0;
    }

    /** The GSM-7 replacement of a typographic character ("" to drop it), or null when it is not one. */
    private static String typographic(char c) {
        switch (c) {
            case '\u2019': case '\u2018': case '\u201A': case '\u201B': case '\u2032':
            case '\u00B4': case '`': case '\u02BC': case '\u2039': case '\u203A':
                return "'";
            case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033':
            case '\u00AB': case '\u00BB':
                return "\"";
            case '\u2013': case '\u2014': case '\u2012': case '\u2015': case '\u2010':
            case '\u2011': case '\u2212': case '\u2022': case '\u2043':
                return "-";
            case '\u2026':
                return "...";
            case '\u00A0': case '\u202F': case '\u205F': case '\u3000': case '\u1680': case '\t':
                return " ";
            case '\u2028': case '\u2029':
                return "\n";
            case '\u200B': case '\u200C': case '\u200D': case '\uFEFF': case '\u2060': case '\u00AD':
                return "";
            default:
                return c >= '\u2000' && c <= '\u200A' ? " " : null; // en quad ... hair space
        }
    }

    /**
     * A zero-width joiner inside an emoji sequence (👩‍💻) is kept: the message is UCS-2 anyway, and
     * dropping it would send two emoji instead of one.
     */
    private static boolean joinsEmoji(StringBuilder out, String source, int next) {
        if (out.length() == 0 || next >= source.length()) {
            return false;
        }
        char before = out.charAt(out.length() - 1);
        return (Character.isLowSurrogate(before) || before == '\uFE0F')
                && Character.isHighSurrogate(source.charAt(next));
    }

    private static boolean endsWithGsm7(StringBuilder out) {
        return out.length() > 0 && septets(out.charAt(out.length() - 1)) > 0;
    }

    private static boolean isCombiningDiacritic(int cp) {
        return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF)
                || (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0xFE20 && cp <= 0xFE2F);
    }

    /** The GSM-7 form of a letter outside GSM-7, or null to keep it as it is. */
    private static String fold(int cp) {
        if (cp < FOLD_TABLE_SIZE) {
            String folded = FOLDED[cp];
            if (folded == null) {
                String computed = Character.isLetter(cp) ? computeFold(cp) : null;
                folded = computed == null ? NO_FOLD : computed;
                FOLDED[cp] = folded;
            }
            return folded == NO_FOLD ? null : folded;
        }
        // Rare letters above the table (ﬁ, ℌ, full-width Ａ, 𝐀, Latin extended C/D/E): computed on demand.
        if (Character.isLetter(cp) && ((cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x2C60 && cp <= 0x2C7F)
                || (cp >= 0xA720 && cp <= 0xA7FF) || (cp >= 0xAB30 && cp <= 0xAB6F)
                || (cp >= 0xFB00 && cp <= 0xFB4F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                || (cp >= 0x1D400 && cp <= 0x1D7FF))) {
            return computeFold(cp);
        }
        return null;
    }

    private static String computeFold(int cp) {
        String special = specialFold(cp);
        if (special != null) {
            return special;
        }
        String original = new String(Character.toChars(cp));
        String decomposed = Normalizer.normalize(original, Normalizer.Form.NFKD);
        // Longest prefix of the decomposition that recomposes into GSM-7: ǘ → ü, Ḉ → Ç, ã → a, À → A.
        for (int end = decomposed.length(); end > 0; end--) {
            String candidate = Normalizer.normalize(decomposed.substring(0, end), Normalizer.Form.NFC);
            if (isGsm7(candidate)) {
                return candidate;
            }
        }
        // Otherwise drop every mark, wherever it sits.
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(stripped::appendCodePoint);
        String candidate = stripped.toString();
        return !candidate.isEmpty() && isGsm7(candidate) ? candidate : null;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Letters that Unicode does not decompose but that have an obvious Latin reading. */
    private static String specialFold(int cp) {
        switch (cp) {
            case 0x0153: return "oe"; // œ
            case 0x0152: return "OE"; // Œ
            case 0x0142: return "l";  // ł
            case 0x0141: return "L";  // Ł
            case 0x0111: return "d";  // đ
            case 0x0110: return "D";  // Đ
            case 0x00F0: return "d";  // ð
            case 0x00D0: return "D";  // Ð
            case 0x00FE: return "th"; // þ
            case 0x00DE: return "Th"; // Þ
            case 0x0127: return "h";  // ħ
            case 0x0126: return "H";  // Ħ
            case 0x0131: return "i";  // dotless ı
            case 0x0167: return "t";  // ŧ
            case 0x0166: return "T";  // Ŧ
            case 0x0138: return "k";  // ĸ
            case 0x014B: return "n";  // ŋ
            case 0x014A: return "N";  // Ŋ
            case 0x0192: return "f";  // ƒ
            case 0x025B: return "e";  // ɛ (Akan, Lingala...)
            case 0x0190: return "E";  // Ɛ
            case 0x0254: return "o";  // ɔ
            case 0x0186: return "O";  // Ɔ
            case 0x0253: return "b";  // ɓ (Hausa, Fula...)
            case 0x0181: return "B";  // Ɓ
            case 0x0257: return "d";  // ɗ
            case 0x018A: return "D";  // Ɗ
            case 0x0199: return "k";  // ƙ
            case 0x0198: return "K";  // Ƙ
            case 0x01B4: return "y";  // ƴ
            case 0x01B3: return "Y";  // Ƴ
            case 0x1E9E: return "SS"; // capital ẞ
            default: return null;
        }
    }
}
