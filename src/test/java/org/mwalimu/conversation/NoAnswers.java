package org.mwalimu.conversation;

import java.util.List;

/** An answerer for tests that knows nothing: every question goes to the fallback. */
public final class NoAnswers implements QuestionAnswerer {

    @Override
    public Understanding understand(String question, String language) {
        return new Understanding.Unknown(List.of());
    }
}
