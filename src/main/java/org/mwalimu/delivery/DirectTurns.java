package org.mwalimu.delivery;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mwalimu.content.Surface;
import org.mwalimu.conversation.ConversationEngine;
import org.mwalimu.conversation.Incoming;
import org.mwalimu.conversation.Turn;
import org.mwalimu.store.Citizens;
import org.mwalimu.store.Citizens.Effects;

/**
 * A turn answered in the same HTTP exchange (USSD): the same engine and the same citizen state as
 * the queued channels, committed with a version check so it never races a queued message.
 */
public final class DirectTurns {

    private final Citizens citizens;
    private final ConversationEngine engine;
    private final StatsEvents stats;
    private final TurnEffects effects;
    private final OptimisticTurns turns;

    public DirectTurns(Citizens citizens, ConversationEngine engine, StatsEvents stats, DailyPlanner planner) {
        this.citizens = citizens;
        this.engine = engine;
        this.stats = stats;
        this.effects = new TurnEffects(stats, planner);
        this.turns = new OptimisticTurns(citizens);
    }

    /** {@code dailyChannel} is where daily lessons go if the citizen subscribes in this turn. */
    public Future<Turn> handle(String channel, String address, Incoming incoming, Surface surface, String dailyChannel) {
        return turns.run(address, before -> engine.handle(before, incoming, surface), (before, turn, version, state) ->
                citizens.commitDirect(address, version, state,
                        shown(effects.of(channel, address, before, turn, dailyChannel), channel, address, turn)));
    }

    /** The reply is the HTTP response itself: count it as sent with the rest. */
    private Effects shown(Effects effects, String channel, String address, Turn turn) {
        if (turn.replies().isEmpty()) {
            return effects;
        }
        List<Map<String, String>> events = new ArrayList<>(effects.events());
        Map<String, String> sent = stats.event("message.sent", System.currentTimeMillis(), channel,
                turn.state().language(), address);
        sent.put("segments", "0");
        events.add(sent);
        return new Effects(events, effects.unanswered(), effects.schedule());
    }
}
