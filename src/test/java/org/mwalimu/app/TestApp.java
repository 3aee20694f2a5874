package org.mwalimu.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the configuration of a server under test and starts it on a random port. */
final class TestApp {

    static final String TOKEN = "test-admin-token";
    static final int PARTITIONS = 8;

    private TestApp() {
    }

    /** A server using the Redis at {@code redisUrl}, or its own embedded one when empty. */
    static Config config(Optional<String> redisUrl, Path dataDir, int embeddedPort, int workers) {
        return new Config(0, dataDir, redisUrl, embeddedPort, Optional.of(TOKEN), "http://127.0.0.1",
                Path.of("content"), List.of("en", "fr", "pt", "sw"), workers, 2, PARTITIONS, Optional.of("test-salt"));
    }

    static Config config(String redisUrl) {
        return config(Optional.of(redisUrl), TestRedis.tempDir(), 0, 2);
    }

    static Mwalimu start(Config config) {
        return Mwalimu.start(config).toCompletionStage().toCompletableFuture().join();
    }

    static void stop(Mwalimu app) {
        app.stop().toCompletionStage().toCompletableFuture().join();
    }
}
