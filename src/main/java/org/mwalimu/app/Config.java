package org.mwalimu.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting, read once from MW_ environment variables. Secrets are kept out of toString.
 *
 * @param redisUrl   empty → start an embedded Redis under {@code dataDir}
 * @param adminToken empty → generate one at first start and keep it in Redis
 * @param hashSalt   empty → generate one at first start and keep it in Redis
 */
public record Config(int httpPort, Path dataDir, Optional<String> redisUrl, int embeddedRedisPort,
                     Optional<String> adminToken, String publicBaseUrl, Path contentDir, List<String> languages,
                     int workers, int senders, int partitions, Optional<String> hashSalt) {

    public static Config fromEnvironment(Map<String, String> env) {
        int port = integer(env, "MW_HTTP_PORT", 8080, 0, 65535);
        return new Config(
                port,
                Path.of(env.getOrDefault("MW_DATA_DIR", "./data")),
                nonBlank(env, "MW_REDIS_URL"),
                integer(env, "MW_EMBEDDED_REDIS_PORT", 0, 0, 65535),
                nonBlank(env, "MW_ADMIN_TOKEN"),
                nonBlank(env, "MW_PUBLIC_BASE_URL").orElse("http://localhost:" + port),
                Path.of(env.getOrDefault("MW_CONTENT_DIR", "./content")),
                Arrays.stream(env.getOrDefault("MW_LANGUAGES", "en,fr,pt,sw").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList(),
                integer(env, "MW_WORKERS", 2, 0, 64),
                integer(env, "MW_SENDERS", 2, 0, 64),
                integer(env, "MW_PARTITIONS", 8, 1, 1024),
                nonBlank(env, "MW_HASH_SALT"));
    }

    public Config withHttpPort(int port) {
        return new Config(port, dataDir, redisUrl, embeddedRedisPort, adminToken, publicBaseUrl, contentDir,
                languages, workers, senders, partitions, hashSalt);
    }

    public Config withWorkers(int conversationWorkers, int outboundSenders) {
        return new Config(httpPort, dataDir, redisUrl, embeddedRedisPort, adminToken, publicBaseUrl, contentDir,
                languages, conversationWorkers, outboundSenders, partitions, hashSalt);
    }

    @Override
    public String toString() {
        return "Config[httpPort=" + httpPort + ", dataDir=" + dataDir + ", redis="
                + (redisUrl.isPresent() ? "external" : "embedded") + ", contentDir=" + contentDir
                + ", languages=" + languages + ", workers=" + workers + ", senders=" + senders
                + ", partitions=" + partitions + "]";
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + raw + "'");
        }
    }
}
