package org.mwalimu.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.InvalidContentException;

/** A server under test on a random port with its own flushed Redis, and the content it serves. */
final class RunningServer implements AutoCloseable {

    static final List<String> LANGUAGES = List.of("en", "fr", "pt", "sw");

    private final TestRedis redis;
    private final Mwalimu app;
    private final Catalog catalog;

    private RunningServer(TestRedis redis, Mwalimu app, Catalog catalog) {
        this.redis = redis;
        this.app = app;
        this.catalog = catalog;
    }

    static RunningServer start() {
        return start(Map.of());
    }

    /** With extra MW_ settings, as a deployment would set them. */
    static RunningServer start(Map<String, String> settings) {
        return start(settings, Clock.systemUTC());
    }

    static RunningServer start(Map<String, String> settings, Clock clock) {
        TestRedis redis = TestRedis.start();
        Config config = TestApp.config(Optional.of(redis.url()), TestRedis.tempDir(), 0, 2, settings);
        Mwalimu app = Mwalimu.start(config, clock).toCompletionStage().toCompletableFuture().join();
        return new RunningServer(redis, app, catalog());
    }

    static Catalog catalog() {
        try {
            return new ContentLoader(LANGUAGES).load(Path.of("content"));
        } catch (InvalidContentException e) {
            throw new IllegalStateException(e);
        }
    }

    TestRedis redis() {
        return redis;
    }

    Mwalimu app() {
        return app;
    }

    int port() {
        return app.httpPort();
    }

    Catalog content() {
        return catalog;
    }

    @Override
    public void close() {
        TestApp.stop(app);
        redis.close();
    }
}
