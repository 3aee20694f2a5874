package org.mwalimu.conversation;

import java.util.List;

/** Works out what a citizen's free-text question is about. */
public interface QuestionAnswerer {

    Understanding understand(String question, String language);

    /** The outcome: one intent, two close ones to choose between, or nothing known. */
    sealed interface Understanding {

        /** {@code language} is the one to answer in: the citizen's chosen language. */
        record Known(String intent, String language) implements Understanding {
        }

        record Unsure(String first, String second, String language) implements Understanding {
        }

        /** {@code candidates} are the closest intents, kept for the editors. */
        record Unknown(List<String> candidates) implements Understanding {
        }
    }
}
