package org.mwalimu.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who gets a daily lesson when: a sorted set of due times plus the channel and hour of each. */
public final class DailySchedules {

    private static final LuaScript FIRE = new LuaScript("daily-fire", ScriptOutputType.INTEGER);

    /** A lesson that is due: the citizen, the due time read, and the details stored with it. */
    public record Due(String address, long dueMillis, String details) {
    }

    private final RedisStore store;
    private final WorkStream inbound;

    public DailySchedules(RedisStore store, WorkStream inbound) {
        this.store = store;
        this.inbound = inbound;
    }

    /** Up to {@code limit} lessons due at or before {@code nowMillis}, earliest first. */
    public Future<List<Due>> due(long nowMillis, int limit) {
        return store.call(c -> c.zrangebyscoreWithScores(Keys.DAILY, Range.create(Double.NEGATIVE_INFINITY, nowMillis),
                        Limit.from(limit)))
                .compose(scored -> {
                    if (scored.isEmpty()) {
                        return Future.succeededFuture(List.<Due>of());
                    }
                    String[] addresses = scored.stream().map(s -> s.getValue()).toArray(String[]::new);
                    return store.call(c -> c.hmget(Keys.DAILY_DETAILS, addresses)).map(details -> {
                        List<Due> due = new ArrayList<>();
                        for (int i = 0; i < scored.size(); i++) {
                            due.add(new Due(addresses[i], (long) scored.get(i).getScore(),
                                    details.get(i).getValueOrElse("")));
                        }
                        return due;
                    });
                });
    }

    /**
     * If the lesson is still due at {@code expected}, moves it to {@code nextMillis} and, when
     * {@code entry} is not empty, queues it for the conversation workers (once per {@code dayKey}).
     * Returns false when another instance got there first.
     */
    public Future<Boolean> fire(Due due, long nextMillis, Map<String, String> entry, String dayKey) {
        String[] keys = {Keys.DAILY, inbound.key(inbound.partitionOf(due.address())), "mw:daily:sent:" + dayKey};
        return FIRE.<Long>run(store, keys, due.address(), String.valueOf(due.dueMillis()), String.valueOf(nextMillis),
                entry.isEmpty() ? "" : Json.of(entry), String.valueOf(WorkStream.MAX_LENGTH)).map(r -> r == 1L);
    }
}
