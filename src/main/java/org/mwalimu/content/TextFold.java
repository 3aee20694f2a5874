package org.mwalimu.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds what a citizen typed so that "Arrêt!", "arret" and " ARRET " compare equal (and ’ equals '). */
public final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFold() {
    }

    private static final Pattern QUOTES = Pattern.compile("[\u2018\u2019\u201A\u201B\u2032\u00B4`]");

    public static String fold(String text) {
        String folded = QUOTES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("'");
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        folded = SPACES.matcher(folded).replaceAll(" ");
        return EDGE_PUNCTUATION.matcher(folded).replaceAll("");
    }
}
