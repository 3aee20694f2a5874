package org.mwalimu.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds what a citizen typed so that "Arrêt!", "arret" and " ARRET " compare equal. */
final class Keywords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Keywords() {
    }

    static String fold(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        folded = SPACES.matcher(folded).replaceAll(" ");
        return EDGE_PUNCTUATION.matcher(folded).replaceAll("");
    }
}
