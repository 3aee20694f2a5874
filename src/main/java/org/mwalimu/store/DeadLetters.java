package org.mwalimu.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Outbound messages that could not be delivered, for operators to read and re-send. */
public final class DeadLetters {

    private static final LuaScript RETRY = new LuaScript("dead-letter-retry", ScriptOutputType.INTEGER);

    /** One dead letter: its id and its fields (channel, address, text, reason, attempts...). */
    public record DeadLetter(String id, Map<String, String> fields) {
    }

    private final RedisStore store;

    public DeadLetters(RedisStore store) {
        this.store = store;
    }

    /** Oldest first, at most {@code limit}. */
    public Future<List<DeadLetter>> list(int limit) {
        return store.call(c -> c.xrange(Keys.DEAD_OUT, Range.create("-", "+"), Limit.from(limit)))
                .map(messages -> messages.stream()
                        .map(m -> new DeadLetter(m.getId(), new LinkedHashMap<>(m.getBody()))).toList());
    }

    /** Puts the message back on its stream with fresh attempts; false when {@code id} is not a dead letter. */
    public Future<Boolean> retry(String id) {
        return RETRY.<Long>run(store, new String[] {Keys.DEAD_OUT}, id, String.valueOf(WorkStream.MAX_LENGTH))
                .map(moved -> moved == 1L);
    }
}
