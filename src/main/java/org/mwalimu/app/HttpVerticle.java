package org.mwalimu.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.mwalimu.channel.SimulatorChannel;
import org.mwalimu.web.BearerAuth;
import org.mwalimu.web.HttpErrors;

/** The HTTP edge: health, the admin-token-protected API and the simulator. One per event loop. */
final class HttpVerticle extends VerticleBase {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final int port;
    private final String adminToken;
    private final HealthCheck health;
    private final SimulatorChannel simulator;
    private HttpServer server;

    HttpVerticle(int port, String adminToken, HealthCheck health, SimulatorChannel simulator) {
        this.port = port;
        this.adminToken = adminToken;
        this.health = health;
        this.simulator = simulator;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.get("/health").handler(ctx -> health.handle(ctx).onFailure(ctx::fail));
        router.route("/api/v1/*").handler(new BearerAuth(adminToken));
        simulator.mount(router);
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
