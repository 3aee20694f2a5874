package org.mwalimu.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * The one normaliser for training and for inference: Unicode NFKC, lower case, accent folding,
 * punctuation to spaces, runs of a repeated letter shortened, then OpenNLP tokenisation and the
 * language's SMS abbreviations expanded ("pls" → "please", "stp" → "s'il te plait").
 */
public final class TextNormalizer {

    /** A letter typed three times or more ("pleeease", "hellooo") stands for one; doubles are kept. */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    private final Map<String, Map<String, String[]>> abbreviations;

    /** @param abbreviations per language: abbreviation → the words it stands for, already normalised */
    public TextNormalizer(Map<String, Map<String, String[]>> abbreviations) {
        this.abbreviations = Map.copyOf(abbreviations);
    }

    /** The tokens of {@code text}; {@code language} chooses the abbreviations ("" for none). */
    public String[] tokens(String text, String language) {
        return expand(words(clean(text)), language);
    }

    /** The words of a text {@link #clean} already folded. */
    public static String[] words(String cleaned) {
        return SimpleTokenizer.INSTANCE.tokenize(cleaned);
    }

    /** {@code raw} words with the language's abbreviations spelled out. */
    public String[] expand(String[] raw, String language) {
        Map<String, String[]> expand = abbreviations.getOrDefault(language, Map.of());
        List<String> tokens = new ArrayList<>(raw.length + 2);
        for (String token : raw) {
            String[] words = expand.get(token);
            if (words == null) {
                tokens.add(token);
            } else {
                tokens.addAll(List.of(words));
            }
        }
        return tokens.toArray(String[]::new);
    }

    /** Folded text: lower-case letters and digits separated by single spaces. */
    public static String clean(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(nfkc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        char last = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                c = ' ';
            }
            if (c == ' ' && last == ' ') {
                continue;
            }
            last = c;
            out.append(c);
        }
        return STRETCHED.matcher(out).replaceAll("$1").strip();
    }
}
