package org.mwalimu.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Citizen state (an opaque JSON document with a version) and the atomic commit of a handled
 * message: state, replies, events and acknowledgement in one Lua call.
 */
public final class Citizens {

    private static final LuaScript COMMIT = new LuaScript("commit-turn", ScriptOutputType.STATUS);

    /** What a commit did. */
    public enum CommitResult {
        /** Applied. */
        COMMITTED,
        /** The state changed since it was read; read again and redo. */
        CONFLICT,
        /** Another worker already handled this entry; nothing to do. */
        ALREADY_HANDLED
    }

    /** A stored state document and the version it had when read. */
    public record Versioned(long version, Optional<String> json) {
    }

    private final RedisStore store;
    private final WorkStream inbound;
    private final WorkStream outbound;

    public Citizens(RedisStore store, WorkStream inbound, WorkStream outbound) {
        this.store = store;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    public Future<Versioned> load(String address) {
        return store.call(c -> c.hmget(Keys.citizen(address), "v", "s")).map(values -> {
            String version = values.get(0).getValueOrElse("0");
            Optional<String> json = values.get(1).hasValue() ? Optional.of(values.get(1).getValue()) : Optional.empty();
            return new Versioned(Long.parseLong(version), json);
        });
    }

    /**
     * Commits a handled inbound {@code entry}: new state, replies onto {@code replyStream}, events and
     * the daily-schedule change, atomically with the acknowledgement.
     */
    public Future<CommitResult> commit(StreamEntry entry, String address, long expectedVersion, String stateJson,
                                       WorkStream replyStream, List<Map<String, String>> replies, Effects effects) {
        return run(inbound.key(entry.partition()), entry.id(), address, expectedVersion, stateJson,
                replyStream.key(replyStream.partitionOf(address)), replies, effects);
    }

    /** Commits a synchronous turn (USSD) whose reply is the HTTP response: no entry, no replies. */
    public Future<CommitResult> commitDirect(String address, long expectedVersion, String stateJson, Effects effects) {
        return run(inbound.key(inbound.partitionOf(address)), "", address, expectedVersion, stateJson,
                outbound.key(outbound.partitionOf(address)), List.of(), effects);
    }

    /** What a turn leaves besides state and replies: statistics events, questions kept, schedule change. */
    public record Effects(List<Map<String, String>> events, List<Map<String, String>> unanswered,
                          ScheduleChange schedule) {
    }

    private Future<CommitResult> run(String inboundKey, String entryId, String address, long expectedVersion,
                                     String stateJson, String replyKey, List<Map<String, String>> replies,
                                     Effects effects) {
        String[] keys = {inboundKey, Keys.citizen(address), replyKey, Keys.EVENTS, Keys.DAILY, Keys.DAILY_DETAILS,
                Keys.UNANSWERED};
        return COMMIT.<String>run(store, keys, inbound.group(), entryId, String.valueOf(expectedVersion), stateJson,
                        Json.list(replies), Json.list(effects.events()), String.valueOf(WorkStream.MAX_LENGTH), address,
                        effects.schedule().encoded(), Json.list(effects.unanswered()))
                .map(result -> switch (result) {
                    case "ok" -> CommitResult.COMMITTED;
                    case "conflict" -> CommitResult.CONFLICT;
                    default -> CommitResult.ALREADY_HANDLED;
                });
    }
}
