package org.mwalimu.conversation;

import java.util.List;

/**
 * One message to the citizen. When it asks a quiz question, {@code choices} lists the options so
 * that channels with buttons can show them; the text always carries them too.
 */
public record Reply(String text, List<Choice> choices) {

    public Reply {
        choices = List.copyOf(choices);
    }

    /** An option: {@code id} is what choosing it sends back (e.g. "a"), {@code title} its words. */
    public record Choice(String id, String title) {
    }
}
