package org.mwalimu.store;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Instance-wide secrets (admin token, hashing salt) generated once and shared through Redis. */
public final class Secrets {

    /** A secret and whether this call created it. */
    public record Secret(String value, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore store;

    public Secrets(RedisStore store) {
        this.store = store;
    }

    /** Returns the secret {@code name}, creating a random one if no instance has yet. */
    public Future<Secret> getOrCreate(String name) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String candidate = HexFormat.of().formatHex(bytes);
        String key = Keys.secret(name);
        return store.call(c -> c.set(key, candidate, SetArgs.Builder.nx()))
                .compose(set -> "OK".equals(set)
                        ? Future.succeededFuture(new Secret(candidate, true))
                        : store.call(c -> c.get(key)).map(v -> new Secret(v, false)));
    }
}
