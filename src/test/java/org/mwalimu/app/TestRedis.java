package org.mwalimu.app;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Redis a test class runs against: the server named by MW_REDIS_URL when it is set, else an
 * embedded one of its own. Flushed at the start so every test class begins empty.
 */
final class TestRedis implements AutoCloseable {

    private final Optional<EmbeddedRedis> embedded;
    private final String url;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private TestRedis(Optional<EmbeddedRedis> embedded, String url, boolean flush) {
        this.embedded = embedded;
        this.url = url;
        this.client = RedisClient.create(url);
        this.connection = client.connect();
        if (flush) {
            connection.sync().flushdb();
        }
    }

    static TestRedis start() {
        Optional<String> external = externalUrl();
        if (external.isPresent()) {
            return new TestRedis(Optional.empty(), external.get(), true);
        }
        EmbeddedRedis redis = EmbeddedRedis.start(tempDir(), 0);
        return new TestRedis(Optional.of(redis), redis.url(), true);
    }

    /**
     * A Redis started by the test itself even when MW_REDIS_URL is set, for tests that stop it;
     * started again on the same directory it keeps its data (append-only file).
     */
    static TestRedis ownEmbedded(Path dataDir, int port, boolean flush) {
        EmbeddedRedis redis = EmbeddedRedis.start(dataDir, port);
        return new TestRedis(Optional.of(redis), redis.url(), flush);
    }

    static Optional<String> externalUrl() {
        return Optional.ofNullable(System.getenv("MW_REDIS_URL")).filter(s -> !s.isBlank());
    }

    String url() {
        return url;
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    long inboundLength(int partitions) {
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            total += commands().xlen("mw:in:" + p);
        }
        return total;
    }

    /** Stops the embedded server (simulating an outage); the client connection stays for later. */
    void stopServer() {
        embedded.orElseThrow().stop();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        embedded.ifPresent(EmbeddedRedis::stop);
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("mwalimu-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
