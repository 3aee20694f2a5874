package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** /health follows Redis: 503 while it is gone, 200 again once it is back, with no restart. */
@ExtendWith(VertxExtension.class)
class HealthIT {

    @TempDir
    Path redisDir;

    @Test
    void healthIs503WhileRedisIsDownAndRecoversWithoutARestart(Vertx vertx) {
        int port = TestRedis.freePort();
        TestRedis redis = TestRedis.ownEmbedded(redisDir, port, true);
        Mwalimu app = TestApp.start(TestApp.config(Optional.of(redis.url()), TestRedis.tempDir(), 0, 2));
        try {
            SimPhone phone = new SimPhone(vertx, app.httpPort());
            assertEquals(200, phone.get("/health", null).statusCode());
            phone.exchange("+255700000601", "hi", 0);

            redis.stopServer();
            assertEquals(503, awaitHealth(phone, 503), "health while Redis is down");
            var refused = phone.post("{\"from\": \"+255700000601\", \"text\": \"1\"}", TestApp.TOKEN);
            assertEquals(503, refused.statusCode(), "a message that cannot be queued is refused, not lost");

            redis = TestRedis.ownEmbedded(redisDir, port, false);
            assertEquals(200, awaitHealth(phone, 200), "health once Redis is back");
            String reply = phone.exchange("+255700000601", "1", 1);
            assertEquals(true, reply.contains("English"), reply);
        } finally {
            TestApp.stop(app);
            redis.close();
        }
    }

    private static int awaitHealth(SimPhone phone, int wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = phone.get("/health", null).statusCode();
        while (status != wanted && System.nanoTime() < deadline) {
            SimPhone.pause(Duration.ofMillis(100));
            status = phone.get("/health", null).statusCode();
        }
        return status;
    }
}
