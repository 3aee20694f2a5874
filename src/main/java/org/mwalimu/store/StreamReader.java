package org.mwalimu.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** One worker's blocking reader of new entries, on a connection of its own. */
public final class StreamReader {

    private final WorkStream stream;
    private final StatefulRedisConnection<String, String> connection;
    private final String consumer;

    StreamReader(WorkStream stream, StatefulRedisConnection<String, String> connection, String consumer) {
        this.stream = stream;
        this.connection = connection;
        this.consumer = consumer;
    }

    /** Waits up to {@code block} for entries never delivered before on the given partitions. */
    public Future<List<StreamEntry>> readNew(Collection<Integer> partitions, int count, Duration block) {
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<String>[] offsets = partitions.stream()
                .map(p -> XReadArgs.StreamOffset.lastConsumed(stream.key(p))).toArray(XReadArgs.StreamOffset[]::new);
        return stream.store().on(connection, c -> c.xreadgroup(Consumer.from(stream.group(), consumer),
                XReadArgs.Builder.count(count).block(block), offsets)).map(stream::entries);
    }

    public Future<Void> close() {
        return stream.store().on(connection, c -> connection.closeAsync()).mapEmpty();
    }
}
