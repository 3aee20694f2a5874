package org.mwalimu.delivery;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mwalimu.store.StreamEntry;
import org.mwalimu.store.StreamReader;
import org.mwalimu.store.WorkStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works one stage of the pipeline. It holds leases on a fair share of the stage's partitions, takes
 * over what a dead worker left pending (XAUTOCLAIM), then handles each citizen's entries one at a
 * time and in order. The handler acknowledges an entry itself, atomically with its effects.
 */
public final class StreamWorker extends VerticleBase {

    /** Handles one entry; a failed future leaves the entry pending, to be retried in order. */
    public interface EntryHandler {
        Future<Void> handle(StreamEntry entry);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StreamWorker.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);
    private static final Duration LEASE_ROUND = Duration.ofSeconds(3);
    private static final Duration BLOCK = Duration.ofMillis(500);
    private static final long RETRY_DELAY_MS = 500;
    private static final int BATCH = 200;

    private final WorkStream stream;
    private final String name;
    private final EntryHandler handler;
    private final Set<Integer> owned = new LinkedHashSet<>();
    private final Set<Integer> toClaim = new LinkedHashSet<>();
    private final Set<Integer> withPending = new LinkedHashSet<>();
    private StreamReader reader;
    private long leaseTimer;
    private volatile boolean running;
    private volatile long lastProgress = System.currentTimeMillis();
    private volatile int ownedCount;
    private volatile String problem = "";

    public StreamWorker(WorkStream stream, String name, EntryHandler handler) {
        this.stream = stream;
        this.name = name;
        this.handler = handler;
    }

    /** A snapshot for /health. */
    public WorkerStatus status() {
        return new WorkerStatus(name, stream.stage(), running, ownedCount,
                System.currentTimeMillis() - lastProgress, problem);
    }

    @Override
    public Future<?> start() {
        running = true;
        return stream.openReader(name).onSuccess(r -> reader = r)
                .compose(c -> leaseRound().recover(e -> Future.succeededFuture()))
                .onSuccess(v -> {
                    leaseTimer = vertx.setPeriodic(LEASE_ROUND.toMillis(), t -> leaseRound());
                    loop();
                });
    }

    @Override
    public Future<?> stop() {
        running = false;
        vertx.cancelTimer(leaseTimer);
        List<Future<Void>> released = new ArrayList<>();
        for (int p : owned) {
            released.add(stream.releaseLease(p, name).recover(e -> Future.succeededFuture()));
        }
        owned.clear();
        ownedCount = 0;
        return Future.join(released).eventually(() -> reader == null ? Future.succeededFuture() : reader.close());
    }

    /** Renews held leases and takes or gives back partitions so each live worker has a fair share. */
    private Future<Void> leaseRound() {
        if (!running) {
            return Future.succeededFuture();
        }
        return stream.heartbeat(name, LEASE_TTL).compose(live -> {
            int share = (int) Math.ceil(stream.partitions() / (double) Math.max(1, live));
            Future<Integer> chain = Future.succeededFuture(0);
            int offset = Math.floorMod(name.hashCode(), stream.partitions());
            for (int i = 0; i < stream.partitions(); i++) {
                int p = (offset + i) % stream.partitions();
                chain = chain.compose(kept -> balance(p, kept, share));
            }
            return chain.<Void>mapEmpty();
        }).onSuccess(v -> ownedCount = owned.size()).onFailure(this::trouble);
    }

    private Future<Integer> balance(int partition, int kept, int share) {
        if (!running) {
            return Future.succeededFuture(kept);
        }
        boolean mine = owned.contains(partition);
        if (mine && kept >= share) {
            owned.remove(partition);
            return stream.releaseLease(partition, name).map(kept);
        }
        if (!mine && kept >= share) {
            return Future.succeededFuture(kept);
        }
        return stream.holdLease(partition, name, LEASE_TTL).map(held -> {
            if (held && owned.add(partition)) {
                toClaim.add(partition);
            } else if (!held) {
                owned.remove(partition);
            }
            return held ? kept + 1 : kept;
        });
    }

    private void loop() {
        if (!running) {
            return;
        }
        if (owned.isEmpty()) {
            lastProgress = System.currentTimeMillis();
            vertx.setTimer(100, t -> loop());
            return;
        }
        nextBatch().compose(this::handleAll).onComplete(done -> {
            if (done.succeeded()) {
                lastProgress = System.currentTimeMillis();
                if (!problem.isEmpty()) {
                    LOG.info("{} is working again", name);
                    problem = "";
                }
                context.runOnContext(v -> loop());
            } else if (running) {
                trouble(done.cause());
                // A Redis that came back empty has lost the consumer groups: make them again.
                Future<Void> repaired = String.valueOf(done.cause().getMessage()).startsWith("NOGROUP")
                        ? stream.ensureGroups() : Future.succeededFuture();
                repaired.onComplete(r -> vertx.setTimer(RETRY_DELAY_MS, t -> loop()));
            }
        });
    }

    private Future<List<StreamEntry>> nextBatch() {
        toClaim.retainAll(owned);
        withPending.retainAll(owned);
        if (!toClaim.isEmpty()) {
            int p = toClaim.iterator().next();
            return stream.claimPending(p, name).map(v -> {
                toClaim.remove(p);
                withPending.add(p);
                return List.of();
            });
        }
        if (!withPending.isEmpty()) {
            int p = withPending.iterator().next();
            return stream.readPending(p, name, BATCH).onSuccess(entries -> {
                if (entries.isEmpty()) {
                    withPending.remove(p);
                }
            });
        }
        return reader.readNew(List.copyOf(owned), BATCH, BLOCK);
    }

    /**
     * Citizens run side by side; one citizen's entries run one after another and stop at the first
     * failure, which stays pending (with the rest) and is read again, in order, on the next round.
     */
    private Future<Void> handleAll(List<StreamEntry> entries) {
        Map<String, List<StreamEntry>> byCitizen = new LinkedHashMap<>();
        for (StreamEntry e : entries) {
            byCitizen.computeIfAbsent(e.partition() + "/" + e.field(Fields.ADDRESS), k -> new ArrayList<>()).add(e);
        }
        List<Future<Void>> citizens = new ArrayList<>(byCitizen.size());
        for (List<StreamEntry> list : byCitizen.values()) {
            Future<Void> chain = Future.succeededFuture();
            for (StreamEntry entry : list) {
                chain = chain.compose(v -> handler.handle(entry));
            }
            int partition = list.get(0).partition();
            citizens.add(chain.onFailure(e -> withPending.add(partition)));
        }
        return Future.join(citizens).mapEmpty();
    }

    private void trouble(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (!message.equals(problem)) {
            LOG.warn("{} cannot work its stream: {}", name, message);
        }
        problem = message;
    }
}
