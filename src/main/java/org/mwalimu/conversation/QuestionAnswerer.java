package org.mwalimu.conversation;

import java.util.Optional;

/** Answers a free-text question in the citizen's language, or admits it cannot. */
public interface QuestionAnswerer {

    Optional<String> answer(String question, String language);
}
