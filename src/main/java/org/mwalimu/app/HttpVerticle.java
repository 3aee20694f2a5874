package org.mwalimu.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.Consumer;
import org.mwalimu.web.BearerAuth;
import org.mwalimu.web.HttpErrors;

/** The HTTP edge: health, webhooks and the admin-token-protected API. One per event loop. */
final class HttpVerticle extends VerticleBase {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final int port;
    private final String adminToken;
    private final HealthCheck health;
    private final List<Consumer<Router>> routes;
    private HttpServer server;

    /** {@code routes} add the features' endpoints; everything under /api/v1/ needs the admin token. */
    HttpVerticle(int port, String adminToken, HealthCheck health, List<Consumer<Router>> routes) {
        this.port = port;
        this.adminToken = adminToken;
        this.health = health;
        this.routes = List.copyOf(routes);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.get("/health").handler(ctx -> health.handle(ctx).onFailure(ctx::fail));
        router.route("/api/v1/*").handler(new BearerAuth(adminToken));
        routes.forEach(r -> r.accept(router));
        router.route().failureHandler(HttpErrors::handle);
        router.errorHandler(404, ctx -> HttpErrors.byStatus(ctx, 404));
        router.errorHandler(405, ctx -> HttpErrors.byStatus(ctx, 405));
        router.errorHandler(413, ctx -> HttpErrors.byStatus(ctx, 413));
        return vertx.createHttpServer().requestHandler(router).listen(port).onSuccess(s -> server = s);
    }

    int actualPort() {
        return server.actualPort();
    }
}
