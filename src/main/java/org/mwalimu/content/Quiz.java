package org.mwalimu.content;

import java.util.List;

/** A multiple-choice question closing a lesson; {@code answer} is the 1-based index of the right option. */
public record Quiz(LocalizedText question, List<LocalizedText> options, int answer,
                   LocalizedText hint, LocalizedText explanation) {

    public Quiz {
        options = List.copyOf(options);
    }

    public LocalizedText rightOption() {
        return options.get(answer - 1);
    }
}
