package org.mwalimu.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The fate of each outbound message: sent (and remembered for receipts), parked for a retry, or
 * given up as a dead letter. Every outcome acknowledges the stream entry in the same Lua call.
 */
public final class Outbox {

    private static final LuaScript SENT = new LuaScript("sent", ScriptOutputType.INTEGER);
    private static final LuaScript RETRY_LATER = new LuaScript("retry-later", ScriptOutputType.INTEGER);
    private static final LuaScript RETRY_DUE = new LuaScript("retry-due", ScriptOutputType.INTEGER);
    private static final LuaScript DEAD_LETTER = new LuaScript("dead-letter", ScriptOutputType.INTEGER);
    private static final LuaScript RECEIPT = new LuaScript("receipt", ScriptOutputType.INTEGER);
    private static final Duration KEEP_RECORDS = Duration.ofDays(7);

    private final RedisStore store;

    public Outbox(RedisStore store) {
        this.store = store;
    }

    /** The provider took it: ack, keep {@code record} (status, channel, language, hashed citizen) for receipts. */
    public Future<Void> sent(WorkStream stream, StreamEntry entry, String account, String providerMessageId,
                             Map<String, String> record, Map<String, String> event) {
        String[] keys = {stream.key(entry.partition()), Keys.sentMessage(account, providerMessageId), Keys.EVENTS};
        return SENT.run(store, keys, stream.group(), entry.id(), Json.of(record),
                String.valueOf(KEEP_RECORDS.toSeconds()), Json.of(event), String.valueOf(WorkStream.MAX_LENGTH))
                .mapEmpty();
    }

    /** Parks the message until {@code dueMillis}; it then goes back on the same stream with {@code fields}. */
    public Future<Void> retryLater(WorkStream stream, StreamEntry entry, long dueMillis, Map<String, String> fields) {
        Map<String, Object> member = Map.of("stream", stream.key(entry.partition()), "fields", fields,
                "entry", entry.id());
        return RETRY_LATER.run(store, new String[] {stream.key(entry.partition()), Keys.RETRIES},
                stream.group(), entry.id(), String.valueOf(dueMillis), Json.of(member)).mapEmpty();
    }

    /** Moves parked messages whose time has come back onto their streams; returns how many. */
    public Future<Long> releaseDueRetries(long nowMillis) {
        return RETRY_DUE.run(store, new String[] {Keys.RETRIES}, String.valueOf(nowMillis), "200",
                String.valueOf(WorkStream.MAX_LENGTH));
    }

    /** Gives up on an outbound message; {@code event} may be empty. */
    public Future<Void> deadLetter(WorkStream stream, StreamEntry entry, String reason, int attempts,
                                   Map<String, String> event) {
        Map<String, String> dead = new HashMap<>(entry.fields());
        dead.put("stream", stream.key(entry.partition()));
        dead.put("reason", reason);
        dead.put("attempts", String.valueOf(attempts));
        dead.put("failedAt", String.valueOf(System.currentTimeMillis()));
        String[] keys = {stream.key(entry.partition()), Keys.DEAD_OUT, Keys.EVENTS};
        return DEAD_LETTER.run(store, keys, stream.group(), entry.id(), Json.of(dead),
                event.isEmpty() ? "" : Json.of(event), String.valueOf(WorkStream.MAX_LENGTH)).mapEmpty();
    }

    /** Applies a provider receipt; returns false when it changes nothing (unknown, stale or repeated). */
    public Future<Boolean> receipt(String account, String providerMessageId, String status, String errorCode) {
        String[] keys = {Keys.sentMessage(account, providerMessageId), Keys.EVENTS};
        return RECEIPT.<Long>run(store, keys, status, errorCode, String.valueOf(System.currentTimeMillis()),
                String.valueOf(WorkStream.MAX_LENGTH)).map(changed -> changed == 1L);
    }

}
