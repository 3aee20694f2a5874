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

    public Future<CommitResult> commit(StreamEntry entry, String address, long expectedVersion, String stateJson,
                                       List<Map<String, String>> replies, List<Map<String, String>> events) {
        String[] keys = {inbound.key(entry.partition()), Keys.citizen(address),
                outbound.key(outbound.partitionOf(address)), Keys.EVENTS};
        return COMMIT.<String>run(store, keys, inbound.group(), entry.id(), String.valueOf(expectedVersion), stateJson,
                        Json.list(replies), Json.list(events), String.valueOf(WorkStream.MAX_LENGTH))
                .map(result -> switch (result) {
                    case "ok" -> CommitResult.COMMITTED;
                    case "conflict" -> CommitResult.CONFLICT;
                    default -> CommitResult.ALREADY_HANDLED;
                });
    }
}
