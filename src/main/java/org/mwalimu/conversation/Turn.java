package org.mwalimu.conversation;

import java.util.List;

/** The outcome of one inbound message: the new state, the replies to send in order, the events. */
public record Turn(CitizenState state, List<Reply> replies, List<ConversationEvent> events) {

    public Turn {
        replies = List.copyOf(replies);
        events = List.copyOf(events);
    }
}
