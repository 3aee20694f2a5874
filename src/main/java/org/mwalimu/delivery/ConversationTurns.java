package org.mwalimu.delivery;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwalimu.content.Surface;
import org.mwalimu.conversation.CitizenState;
import org.mwalimu.conversation.ConversationEngine;
import org.mwalimu.conversation.Incoming;
import org.mwalimu.conversation.Reply;
import org.mwalimu.conversation.Turn;
import org.mwalimu.store.Citizens;
import org.mwalimu.store.StreamEntry;
import org.mwalimu.store.WorkStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound message: reads the citizen's state, runs the engine, then commits the new
 * state, the replies and the events together with the acknowledgement.
 */
public final class ConversationTurns implements StreamWorker.EntryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationTurns.class);
    private final Citizens citizens;
    private final WorkStream inbound;
    private final WorkStream replies;
    private final WorkStream bulk;
    private final ConversationEngine engine;
    private final TurnEffects effects;
    private final OptimisticTurns turns;

    /** Replies to what a citizen wrote go on {@code replies}; scheduled lessons go on {@code bulk}. */
    public ConversationTurns(Citizens citizens, WorkStream inbound, WorkStream replies, WorkStream bulk,
                             ConversationEngine engine, StatsEvents stats, DailyPlanner planner) {
        this.citizens = citizens;
        this.inbound = inbound;
        this.replies = replies;
        this.bulk = bulk;
        this.engine = engine;
        this.effects = new TurnEffects(stats, planner);
        this.turns = new OptimisticTurns(citizens);
    }

    @Override
    public Future<Void> handle(StreamEntry entry) {
        if (entry.field(Fields.ADDRESS).isEmpty() || entry.field(Fields.CHANNEL).isEmpty()) {
            return inbound.deadLetter(entry, "entry has no address or channel");
        }
        String address = entry.field(Fields.ADDRESS);
        String channel = entry.field(Fields.CHANNEL);
        WorkStream replyStream = Fields.KIND_DAILY.equals(entry.field(Fields.KIND)) ? bulk : replies;
        return turns.run(address, before -> takeTurn(entry, before), (before, turn, version, state) ->
                        citizens.commit(entry, address, version, state, replyStream, replies(entry, turn),
                                effects.of(channel, address, before, turn, channel)))
                .<Void>mapEmpty()
                .recover(e -> {
                    if (!(e instanceof EngineFailure) && !(e instanceof CitizenStateCodec.UnreadableState)) {
                        return Future.failedFuture(e); // Redis trouble: stays pending and is retried in order
                    }
                    LOG.error("cannot handle inbound entry {}; moved to dead letters", entry.id(), e.getCause());
                    return inbound.deadLetter(entry, "cannot handle: " + e.getCause().getClass().getSimpleName());
                });
    }

    /** A bug in the engine for this entry: it goes to dead letters instead of blocking the citizen's queue. */
    private static final class EngineFailure extends RuntimeException {
        EngineFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private Turn takeTurn(StreamEntry entry, CitizenState before) {
        try {
            return engine.handle(before, incoming(entry), Surface.TEXT);
        } catch (RuntimeException e) {
            throw new EngineFailure(e);
        }
    }

    private static Incoming incoming(StreamEntry entry) {
        return switch (entry.field(Fields.KIND)) {
            case Fields.KIND_UNREADABLE -> new Incoming.Unreadable();
            case Fields.KIND_DAILY -> new Incoming.DailyLesson();
            default -> new Incoming.Text(entry.field(Fields.TEXT));
        };
    }

    private List<Map<String, String>> replies(StreamEntry entry, Turn turn) {
        List<Map<String, String>> replies = new ArrayList<>();
        for (Reply r : turn.replies()) {
            Map<String, String> reply = new HashMap<>();
            reply.put(Fields.CHANNEL, entry.field(Fields.CHANNEL));
            reply.put(Fields.ADDRESS, entry.field(Fields.ADDRESS));
            reply.put(Fields.TEXT, r.text());
            reply.put(Fields.CHOICES, Choices.encode(r.choices()));
            reply.put(Fields.REPLY_TO, entry.field(Fields.MESSAGE_ID));
            reply.put(Fields.LANGUAGE, turn.state().language());
            reply.put(Fields.AT, String.valueOf(System.currentTimeMillis()));
            replies.add(reply);
        }
        return replies;
    }
}
