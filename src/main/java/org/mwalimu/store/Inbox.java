package org.mwalimu.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where channel adapters drop inbound messages: de-duplicated by provider id, then queued durably. */
public final class Inbox {

    private static final LuaScript ENQUEUE = new LuaScript("enqueue", ScriptOutputType.INTEGER);
    private static final Duration REMEMBER_IDS = Duration.ofDays(2);

    private final WorkStream inbound;

    public Inbox(WorkStream inbound) {
        this.inbound = inbound;
    }

    /**
     * Queues a message for {@code address}; returns false when {@code messageId} was queued before.
     * Resolves only once Redis has the entry.
     */
    public Future<Boolean> enqueue(String channel, String address, Optional<String> messageId, Map<String, String> fields) {
        String dedupeKey = messageId.map(id -> Keys.seen(channel, id)).orElse("");
        String ttl = messageId.isPresent() ? String.valueOf(REMEMBER_IDS.toSeconds()) : "0";
        String stream = inbound.key(inbound.partitionOf(address));
        return ENQUEUE.<Long>run(inbound.store(), new String[] {dedupeKey, stream}, ttl,
                String.valueOf(WorkStream.MAX_LENGTH), Json.of(fields)).map(added -> added == 1L);
    }

    /** How many entries the inbound streams hold (handled or not), for checks and benchmarks. */
    public Future<Long> length() {
        List<Future<Long>> lengths = new ArrayList<>();
        for (int p = 0; p < inbound.partitions(); p++) {
            String key = inbound.key(p);
            lengths.add(inbound.store().call(c -> c.xlen(key)));
        }
        return Future.all(lengths).map(all -> lengths.stream().mapToLong(Future::result).sum());
    }
}
