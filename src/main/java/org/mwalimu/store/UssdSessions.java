package org.mwalimu.store;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived USSD session memory: the answer already given to a request (so a gateway's retry
 * gets the same screen) and the pages of a long reply still to show.
 */
public final class UssdSessions {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final RedisStore store;

    public UssdSessions(RedisStore store) {
        this.store = store;
    }

    public Future<Optional<String>> get(String sessionId, String name) {
        return store.call(c -> c.get(key(sessionId, name))).map(Optional::ofNullable);
    }

    public Future<Void> put(String sessionId, String name, String value) {
        return store.call(c -> c.set(key(sessionId, name), value, SetArgs.Builder.ex(KEEP))).mapEmpty();
    }

    public Future<Void> remove(String sessionId, String name) {
        return store.call(c -> c.del(key(sessionId, name))).mapEmpty();
    }

    private static String key(String sessionId, String name) {
        return "mw:ussd:" + sessionId + ":" + name;
    }
}
