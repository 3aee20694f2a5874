package org.mwalimu.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage of the pipeline ("in" or "out") as N Redis streams partitioned by citizen, each read by
 * one consumer group. A partition is worked by whichever worker holds its lease, which keeps one
 * citizen's messages in order across any number of workers and instances.
 */
public final class WorkStream {

    public static final long MAX_LENGTH = 1_000_000;

    private static final LuaScript LEASE = new LuaScript("lease", ScriptOutputType.INTEGER);
    private static final LuaScript RELEASE = new LuaScript("release", ScriptOutputType.INTEGER);
    private static final LuaScript HEARTBEAT = new LuaScript("heartbeat", ScriptOutputType.INTEGER);

    private final RedisStore store;
    private final String stage;
    private final String group;
    private final int partitions;

    public WorkStream(RedisStore store, String stage, String group, int partitions) {
        this.store = store;
        this.stage = stage;
        this.group = group;
        this.partitions = partitions;
    }

    public String stage() {
        return stage;
    }

    public int partitions() {
        return partitions;
    }

    /** The partition of a citizen; String.hashCode is fixed by the JLS, so every instance agrees. */
    public int partitionOf(String address) {
        return Math.floorMod(address.hashCode(), partitions);
    }

    String key(int partition) {
        return Keys.stream(stage, partition);
    }

    String group() {
        return group;
    }

    RedisStore store() {
        return store;
    }

    /** Creates every partition's stream and consumer group if missing. */
    public Future<Void> ensureGroups() {
        List<Future<Void>> created = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            String key = key(p);
            created.add(store.call(c -> c.xgroupCreate(XReadArgs.StreamOffset.from(key, "0"), group,
                            XGroupCreateArgs.Builder.mkstream()))
                    .<Void>mapEmpty()
                    .recover(e -> isBusyGroup(e) ? Future.succeededFuture() : Future.failedFuture(e)));
        }
        return Future.all(created).mapEmpty();
    }

    private static boolean isBusyGroup(Throwable e) {
        return e instanceof RedisBusyException || String.valueOf(e.getMessage()).startsWith("BUSYGROUP");
    }

    public Future<Boolean> holdLease(int partition, String owner, Duration ttl) {
        return LEASE.<Long>run(store, new String[] {Keys.lease(stage, partition)}, owner, String.valueOf(ttl.toMillis()))
                .map(held -> held == 1L);
    }

    public Future<Void> releaseLease(int partition, String owner) {
        return RELEASE.<Long>run(store, new String[] {Keys.lease(stage, partition)}, owner).mapEmpty();
    }

    /** Marks {@code worker} alive and returns how many workers of this stage are alive. */
    public Future<Long> heartbeat(String worker, Duration deadAfter) {
        return HEARTBEAT.run(store, new String[] {Keys.workers(stage)}, worker,
                String.valueOf(System.currentTimeMillis()), String.valueOf(deadAfter.toMillis()));
    }

    /** Moves every pending entry of a partition to {@code consumer} (its former reader is gone). */
    public Future<Void> claimPending(int partition, String consumer) {
        return claimFrom(partition, consumer, "0-0");
    }

    private Future<Void> claimFrom(int partition, String consumer, String start) {
        XAutoClaimArgs<String> args = new XAutoClaimArgs<String>().consumer(Consumer.from(group, consumer))
                .minIdleTime(Duration.ZERO).startId(start).count(500);
        return store.call(c -> c.xautoclaim(key(partition), args)).compose(claimed -> {
            String next = claimed.getId();
            return next == null || "0-0".equals(next) ? Future.<Void>succeededFuture() : claimFrom(partition, consumer, next);
        });
    }

    /** Entries already delivered to {@code consumer} and not yet acknowledged, oldest first. */
    public Future<List<StreamEntry>> readPending(int partition, String consumer, int count) {
        return store.call(c -> c.xreadgroup(Consumer.from(group, consumer), XReadArgs.Builder.count(count),
                        XReadArgs.StreamOffset.from(key(partition), "0")))
                .map(messages -> entries(messages));
    }

    /** Opens a reader with its own connection, so its blocking reads never stall other commands. */
    public Future<StreamReader> openReader(String consumer) {
        return store.dedicatedConnection().map(connection -> new StreamReader(this, connection, consumer));
    }

    /** Acknowledges an entry that can never be handled, keeping a copy for operators. */
    public Future<Void> deadLetter(StreamEntry entry, String reason) {
        Map<String, String> fields = new HashMap<>(entry.fields());
        fields.put("reason", reason);
        fields.put("stage", stage);
        return store.call(c -> c.xadd(Keys.deadLetters(stage), fields))
                .compose(id -> store.call(c -> c.xack(key(entry.partition()), group, entry.id())))
                .mapEmpty();
    }

    List<StreamEntry> entries(List<StreamMessage<String, String>> messages) {
        List<StreamEntry> entries = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> m : messages) {
            int partition = Integer.parseInt(m.getStream().substring(m.getStream().lastIndexOf(':') + 1));
            entries.add(new StreamEntry(partition, m.getId(), m.getBody() == null ? Map.of() : m.getBody()));
        }
        return entries;
    }
}
