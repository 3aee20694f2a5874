package org.mwalimu.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.mwalimu.store.DeadLetters;
import org.mwalimu.web.ApiError;

/** Operators' view of messages that could not be delivered, and a way to send one again. */
public final class DeadLetterApi {

    private static final int MAX_LISTED = 500;

    private final DeadLetters deadLetters;

    public DeadLetterApi(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public void mount(Router router) {
        router.get("/api/v1/admin/dead-letters").handler(ctx -> list(ctx).onFailure(ctx::fail));
        router.post("/api/v1/admin/dead-letters/:id/retry").handler(ctx -> retry(ctx).onFailure(ctx::fail));
    }

    private Future<Void> list(RoutingContext ctx) {
        return deadLetters.list(MAX_LISTED).compose(letters -> {
            JsonArray list = new JsonArray();
            letters.forEach(l -> {
                JsonObject item = new JsonObject().put("id", l.id());
                l.fields().forEach((k, v) -> {
                    if (!k.equals("stream")) {
                        item.put(k, v);
                    }
                });
                list.add(item);
            });
            return ctx.response().putHeader("Content-Type", "application/json").end(list.encode());
        });
    }

    private Future<Void> retry(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,20}-\\d{1,20}")) {
            throw ApiError.badRequest("invalid_id", "A dead-letter id looks like 1700000000000-0.");
        }
        return deadLetters.retry(id).compose(moved -> {
            if (!moved) {
                throw new ApiError(404, "not_found", "There is no dead letter " + id + ".");
            }
            return ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "queued").encode());
        });
    }
}
