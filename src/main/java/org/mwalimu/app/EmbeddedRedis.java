package org.mwalimu.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A Redis child process for the single-box default: append-only persistence under the data directory. */
final class EmbeddedRedis {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts Redis on {@code port} (0 = a free one) with its files in {@code dataDir}. Blocking. */
    static EmbeddedRedis start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            int chosen = port == 0 ? freePort() : port;
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("dir " + dataDir.toAbsolutePath())
                    .setting("save \"\"")
                    .build();
            server.start();
            return new EmbeddedRedis(server, chosen);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Redis in " + dataDir.toAbsolutePath()
                    + " (is another Mwalimu using it, or the port taken?): " + e.getMessage()
                    + ". Set MW_REDIS_URL to use an existing Redis instead.", e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the embedded Redis: " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
