package org.mwalimu.channel;

import java.util.List;

/**
 * A message to send. {@code choices} are the quiz options when the message is a quiz question, so
 * rich channels can show buttons; each choice's {@code id} is what the citizen's tap sends back.
 */
public record OutboundMessage(String address, String text, List<Choice> choices) {

    public OutboundMessage {
        choices = List.copyOf(choices);
    }

    /** One tappable option: {@code id} such as "a", {@code title} the option's text. */
    public record Choice(String id, String title) {
    }
}
