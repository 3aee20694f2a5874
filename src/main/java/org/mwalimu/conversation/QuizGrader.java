package org.mwalimu.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mwalimu.content.TextFold;

/** Reads a quiz answer typed as "2", "b", "B)", "b) some text" or the option's own words. */
final class QuizGrader {

    private static final Pattern CHOICE = Pattern.compile("^([a-z]|\\d{1,2})(?:\\s*[).:-].*)?$");

    private QuizGrader() {
    }

    /** The 1-based option the citizen chose, if the text is recognisably a choice. */
    static Optional<Integer> choice(String typed, List<String> options) {
        String folded = TextFold.fold(typed);
        for (int i = 0; i < options.size(); i++) {
            if (folded.equals(TextFold.fold(options.get(i)))) {
                return Optional.of(i + 1);
            }
        }
        Matcher m = CHOICE.matcher(folded);
        if (!m.matches()) {
            return Optional.empty();
        }
        String token = m.group(1);
        int index = Character.isDigit(token.charAt(0)) ? Integer.parseInt(token) : token.charAt(0) - 'a' + 1;
        return index >= 1 && index <= options.size() ? Optional.of(index) : Optional.empty();
    }

    /** True for a short token such as "d" or "7" that looks like an attempt but names no option. */
    static boolean looksLikeAttempt(String typed) {
        return CHOICE.matcher(TextFold.fold(typed)).matches();
    }

    static String letter(int index) {
        return String.valueOf((char) ('A' + index - 1));
    }
}
