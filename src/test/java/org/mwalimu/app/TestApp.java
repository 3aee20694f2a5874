package org.mwalimu.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds the configuration of a server under test and starts it on a random port. */
final class TestApp {

    static final String TOKEN = "test-admin-token";
    static final int PARTITIONS = 8;

    private TestApp() {
    }

    /** A server using the Redis at {@code redisUrl}, or its own embedded one when empty. */
    static Config config(Optional<String> redisUrl, Path dataDir, int embeddedPort, int workers) {
        return config(redisUrl, dataDir, embeddedPort, workers, Map.of());
    }

    /** The same, with extra MW_ settings (providers, rates...) as a deployment would set them. */
    static Config config(Optional<String> redisUrl, Path dataDir, int embeddedPort, int workers,
                         Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("MW_HTTP_PORT", "0");
        env.put("MW_DATA_DIR", dataDir.toString());
        redisUrl.ifPresent(url -> env.put("MW_REDIS_URL", url));
        env.put("MW_EMBEDDED_REDIS_PORT", String.valueOf(embeddedPort));
        env.put("MW_ADMIN_TOKEN", TOKEN);
        env.put("MW_CONTENT_DIR", "content");
        env.put("MW_WORKERS", String.valueOf(workers));
        env.put("MW_PARTITIONS", String.valueOf(PARTITIONS));
        env.put("MW_HASH_SALT", "test-salt");
        env.putIfAbsent("MW_PUBLIC_BASE_URL", "http://127.0.0.1");
        return Config.fromEnvironment(env);
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
