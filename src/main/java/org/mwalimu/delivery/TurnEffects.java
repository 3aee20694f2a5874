package org.mwalimu.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwalimu.conversation.CitizenState;
import org.mwalimu.conversation.ConversationEvent;
import org.mwalimu.conversation.ConversationEvent.UnansweredQuestion;
import org.mwalimu.conversation.Turn;
import org.mwalimu.store.Citizens.Effects;

/** Turns a conversation turn into what is stored with it: statistics events, kept questions, schedule. */
final class TurnEffects {

    private final StatsEvents stats;
    private final DailyPlanner planner;

    TurnEffects(StatsEvents stats, DailyPlanner planner) {
        this.stats = stats;
        this.planner = planner;
    }

    /** {@code dailyChannel} is where daily lessons go if the turn subscribes the citizen. */
    Effects of(String channel, String address, CitizenState before, Turn turn, String dailyChannel) {
        long now = System.currentTimeMillis();
        String language = turn.state().hasLanguage() ? turn.state().language() : before.language();
        List<Map<String, String>> events = new ArrayList<>();
        List<Map<String, String>> unanswered = new ArrayList<>();
        events.add(stats.event("message.received", now, channel, language, address));
        for (ConversationEvent e : turn.events()) {
            if (e instanceof UnansweredQuestion q) {
                Map<String, String> kept = new HashMap<>();
                kept.put("text", q.question());
                kept.put("language", q.language());
                kept.put("candidates", String.join(",", q.candidates()));
                kept.put("at", String.valueOf(now));
                unanswered.add(kept);
            } else {
                events.add(stats.event(e, now, channel, language, address));
            }
        }
        return new Effects(events, unanswered, planner.change(before, turn.state(), dailyChannel, address));
    }
}
