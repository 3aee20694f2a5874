package org.mwalimu.delivery;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mwalimu.conversation.CitizenState;
import org.mwalimu.conversation.ConversationEngine;
import org.mwalimu.content.Surface;
import org.mwalimu.conversation.Incoming;
import org.mwalimu.conversation.Reply;
import org.mwalimu.conversation.Turn;
import org.mwalimu.store.Citizens;
import org.mwalimu.store.Citizens.CommitResult;
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
    private static final int MAX_CONFLICTS = 10;

    private final Citizens citizens;
    private final WorkStream inbound;
    private final WorkStream replies;
    private final WorkStream bulk;
    private final ConversationEngine engine;
    private final TurnEffects effects;
    private final CitizenStateCodec codec = new CitizenStateCodec();

    /** Replies to what a citizen wrote go on {@code replies}; scheduled lessons go on {@code bulk}. */
    public ConversationTurns(Citizens citizens, WorkStream inbound, WorkStream replies, WorkStream bulk,
                             ConversationEngine engine, StatsEvents stats, DailyPlanner planner) {
        this.citizens = citizens;
        this.inbound = inbound;
        this.replies = replies;
        this.bulk = bulk;
        this.engine = engine;
        this.effects = new TurnEffects(stats, planner);
    }

    @Override
    public Future<Void> handle(StreamEntry entry) {
        if (entry.field(Fields.ADDRESS).isEmpty() || entry.field(Fields.CHANNEL).isEmpty()) {
            return inbound.deadLetter(entry, "entry has no address or channel");
        }
        return attempt(entry, 0);
    }

    private Future<Void> attempt(StreamEntry entry, int conflicts) {
        String address = entry.field(Fields.ADDRESS);
        return citizens.load(address).compose(stored -> {
            CitizenState before;
            Turn turn;
            try {
                before = codec.decode(stored.json());
                turn = engine.handle(before, incoming(entry), Surface.TEXT);
            } catch (RuntimeException e) {
                LOG.error("cannot handle inbound entry {}; moved to dead letters", entry.id(), e);
                return inbound.deadLetter(entry, "engine failure: " + e.getClass().getSimpleName());
            }
            boolean scheduled = Fields.KIND_DAILY.equals(entry.field(Fields.KIND));
            String channel = entry.field(Fields.CHANNEL);
            return citizens.commit(entry, address, stored.version(), codec.encode(turn.state()),
                    scheduled ? bulk : replies, replies(entry, turn),
                    effects.of(channel, address, before, turn, channel)).compose(result -> {
                        if (result == CommitResult.CONFLICT) {
                            return conflicts < MAX_CONFLICTS
                                    ? attempt(entry, conflicts + 1)
                                    : Future.failedFuture(new IllegalStateException("citizen state keeps changing"));
                        }
                        return Future.succeededFuture();
                    });
        });
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
