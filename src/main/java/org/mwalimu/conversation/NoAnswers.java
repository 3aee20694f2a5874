package org.mwalimu.conversation;

import java.util.Optional;

/** The answerer used until the NLU classifier is in place: it honestly answers nothing. */
public final class NoAnswers implements QuestionAnswerer {

    @Override
    public Optional<String> answer(String question, String language) {
        return Optional.empty();
    }
}
