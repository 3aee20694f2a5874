package org.mwalimu.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.mwalimu.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become JSON error responses. */
public final class HttpErrors {

    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError e) {
            send(ctx, e.status(), e.code(), e.getMessage());
        } else if (failure instanceof DecodeException || failure instanceof ClassCastException) {
            send(ctx, 400, "bad_json", "The body must be a valid JSON object.");
        } else if (failure == null) {
            byStatus(ctx, ctx.statusCode());
        } else if (failure instanceof StoreUnavailableException) {
            LOG.warn("{} {} failed: storage unavailable: {}", ctx.request().method(), ctx.request().path(), failure.getMessage());
            send(ctx, 503, "unavailable", "The service is briefly unavailable. Please retry shortly.");
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "internal", "Something went wrong on our side. Please retry.");
        }
    }

    /** Errors raised by Vert.x itself (body too large, no route) carry only a status. */
    public static void byStatus(RoutingContext ctx, int status) {
        switch (status) {
            case 413 -> send(ctx, 413, "payload_too_large", "The body is larger than 64 KiB.");
            case 404 -> send(ctx, 404, "not_found", "There is nothing at this address.");
            case 405 -> send(ctx, 405, "method_not_allowed", "This address does not accept that method.");
            case 401 -> send(ctx, 401, "unauthorized", "Send 'Authorization: Bearer <admin token>'.");
            case 415 -> send(ctx, 415, "unsupported_media_type", "Send the body as application/json.");
            default -> send(ctx, status >= 400 && status < 500 ? status : 500,
                    status >= 400 && status < 500 ? "bad_request" : "internal",
                    status >= 400 && status < 500 ? "The request cannot be handled." : "Something went wrong on our side.");
        }
    }

    public static void send(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", code).put("message", message).encode());
    }
}
