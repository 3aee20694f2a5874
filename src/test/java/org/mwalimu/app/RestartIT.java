package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.MessageKey;

/**
 * Stopping and starting the server on the same data loses nothing. Without MW_REDIS_URL the server
 * starts its own embedded Redis each time, so its append-only file is what carries the data over.
 */
@ExtendWith(VertxExtension.class)
class RestartIT {

    @TempDir
    Path dataDir;
    private int redisPort;
    private Catalog catalog;

    @BeforeEach
    void setUp() throws Exception {
        catalog = new ContentLoader(List.of("en", "fr", "pt", "sw")).load(Path.of("content"));
        redisPort = TestRedis.freePort();
        TestRedis.externalUrl().ifPresent(url -> {
            try (TestRedis flushed = TestRedis.start()) {
                flushed.commands().ping();
            }
        });
    }

    private Config config(int workers) {
        return TestApp.config(TestRedis.externalUrl(), dataDir, redisPort, workers);
    }

    private String redisUrl() {
        return TestRedis.externalUrl().orElse("redis://127.0.0.1:" + redisPort);
    }

    @Test
    void progressAndOptOutSurviveARestart(Vertx vertx) {
        String learner = "+255700000301";
        String leaver = "+255700000302";
        Mwalimu first = TestApp.start(config(2));
        SimPhone phone = new SimPhone(vertx, first.httpPort());
        phone.exchange(learner, "hi", 0);
        phone.exchange(learner, "3", 1);
        phone.exchange(learner, "1", 2);
        String secondStep = phone.exchange(learner, "NEXT", 3);
        phone.exchange(leaver, "hi", 0);
        phone.exchange(leaver, "STOP", 1);
        TestApp.stop(first);

        Mwalimu second = TestApp.start(config(2));
        try {
            phone = new SimPhone(vertx, second.httpPort());
            phone.exchange(learner, "MENU", 4);
            String resumed = phone.exchange(learner, "1", 5);
            String course = catalog.courses().get(0).title().in("pt");
            assertTrue(resumed.contains(catalog.message("pt", MessageKey.RESUME, java.util.Map.of("course", course))), resumed);
            String step = catalog.courses().get(0).lessons().get(0).steps().get(1).in("pt");
            assertTrue(resumed.contains(step) && secondStep.contains(step), resumed);

            phone.send(leaver, "hi");
            phone.send(leaver, "MENU");
            SimPhone.pause(Duration.ofSeconds(1));
            assertEquals(2, phone.messages(leaver).size(), "an opted-out citizen stays opted out after a restart");
        } finally {
            TestApp.stop(second);
        }
    }

    @Test
    void aMessageLeftPendingByADeadWorkerIsAnsweredOnceAfterRestart(Vertx vertx) {
        String citizen = "+255700000303";
        Mwalimu noWorkers = TestApp.start(config(0));
        SimPhone phone = new SimPhone(vertx, noWorkers.httpPort());
        phone.send(citizen, "hi", "pending-1");

        // A worker that read the message and died before answering: it holds a short lease and the
        // entry is pending under its name in the consumer group.
        int partition = Math.floorMod(citizen.hashCode(), TestApp.PARTITIONS);
        RedisClient client = RedisClient.create(redisUrl());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().set("mw:lease:in:" + partition, "dead-worker", SetArgs.Builder.px(1500));
            var read = c.sync().xreadgroup(Consumer.from("conversation", "dead-worker"),
                    XReadArgs.StreamOffset.lastConsumed("mw:in:" + partition));
            assertEquals(1, read.size());
            assertEquals(1, c.sync().xpending("mw:in:" + partition, "conversation").getCount());
        } finally {
            client.shutdown();
        }
        TestApp.stop(noWorkers);

        Mwalimu restarted = TestApp.start(config(2));
        try {
            phone = new SimPhone(vertx, restarted.httpPort());
            phone.awaitMessages(citizen, 1);
            phone.send(citizen, "hi", "pending-1");
            SimPhone.pause(Duration.ofSeconds(1));
            var messages = phone.messages(citizen);
            assertEquals(1, messages.size(), "exactly one reply: " + messages);
            assertEquals("pending-1", messages.get(0).getString("replyTo"));
        } finally {
            TestApp.stop(restarted);
        }
    }
}
