package org.mwalimu.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;

/** Shared token buckets per provider account (see rate-take.lua). */
public final class RateBuckets {

    private static final LuaScript TAKE = new LuaScript("rate-take", ScriptOutputType.INTEGER);

    private final RedisStore store;

    public RateBuckets(RedisStore store) {
        this.store = store;
    }

    /** Takes a token; resolves to 0, or to the milliseconds to wait before trying again. */
    public Future<Long> take(String account, double ratePerSecond, double bulkRatePerSecond, boolean bulk) {
        String[] keys = {"mw:rate:" + account, "mw:rate:" + account + ":bulk"};
        return TAKE.run(store, keys, String.valueOf(ratePerSecond), String.valueOf(bulkRatePerSecond), bulk ? "1" : "0");
    }
}
