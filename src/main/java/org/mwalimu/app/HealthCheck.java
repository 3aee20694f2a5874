package org.mwalimu.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.mwalimu.delivery.StreamWorker;
import org.mwalimu.delivery.WorkerStatus;
import org.mwalimu.store.RedisStore;

/** GET /health: 200 while Redis answers, 503 while it does not, with each worker's state. */
final class HealthCheck {

    private final RedisStore store;
    private final List<StreamWorker> workers;

    HealthCheck(RedisStore store, List<StreamWorker> workers) {
        this.store = store;
        this.workers = workers;
    }

    Future<Void> handle(RoutingContext ctx) {
        return store.ping().map(true).otherwise(false).compose(redisUp -> {
            JsonArray list = new JsonArray();
            for (StreamWorker worker : workers) {
                WorkerStatus s = worker.status();
                list.add(new JsonObject().put("name", s.name()).put("stage", s.stage()).put("running", s.running())
                        .put("partitions", s.partitions()).put("idleMillis", s.idleMillis())
                        .put("problem", s.problem()));
            }
            JsonObject body = new JsonObject()
                    .put("status", redisUp ? "ok" : "unavailable")
                    .put("redis", redisUp ? "up" : "down")
                    .put("workers", list);
            return ctx.response().setStatusCode(redisUp ? 200 : 503)
                    .putHeader("Content-Type", "application/json").end(body.encode());
        });
    }
}
