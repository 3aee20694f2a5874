package org.mwalimu.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questions the bot could not answer (text, language, candidates, time — never a phone number), newest first. */
public final class UnansweredQuestions {

    private final RedisStore store;

    public UnansweredQuestions(RedisStore store) {
        this.store = store;
    }

    public Future<List<Map<String, String>>> newest(int limit) {
        return store.call(c -> c.xrevrange(Keys.UNANSWERED, Range.create("-", "+"), Limit.from(limit)))
                .map(messages -> messages.stream().map(m -> {
                    Map<String, String> item = new LinkedHashMap<>(m.getBody());
                    item.put("id", m.getId());
                    return (Map<String, String>) item;
                }).toList());
    }

    public Future<Long> count() {
        return store.call(c -> c.xlen(Keys.UNANSWERED));
    }
}
