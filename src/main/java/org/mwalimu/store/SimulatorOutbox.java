package org.mwalimu.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** The simulator channel's "phone": messages sent to each address, kept in Redis, oldest first. */
public final class SimulatorOutbox {

    private static final LuaScript DELIVER = new LuaScript("deliver-sim", ScriptOutputType.INTEGER);
    private static final int KEPT_PER_ADDRESS = 1000;

    private final RedisStore store;

    public SimulatorOutbox(RedisStore store) {
        this.store = store;
    }

    /** Stores {@code message} for {@code address} and acknowledges the outbound entry, exactly once. */
    public Future<Boolean> deliver(WorkStream stream, StreamEntry entry, String address, Map<String, String> message,
                                   Map<String, String> event) {
        String[] keys = {stream.key(entry.partition()), Keys.simulatorOutbox(address), Keys.EVENTS};
        return DELIVER.<Long>run(store, keys, stream.group(), entry.id(), Json.of(message),
                String.valueOf(KEPT_PER_ADDRESS), Json.of(event), String.valueOf(WorkStream.MAX_LENGTH))
                .map(stored -> stored == 1L);
    }

    public Future<List<Map<String, String>>> messages(String address) {
        return store.call(c -> c.lrange(Keys.simulatorOutbox(address), 0, -1))
                .map(list -> list.stream().map(Json::map).toList());
    }
}
