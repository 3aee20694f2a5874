package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Provider retries are dropped, and one citizen's messages are handled in order by several workers. */
@ExtendWith(VertxExtension.class)
class OrderingIT {

    private static TestRedis redis;
    private static Mwalimu first;
    private static Mwalimu second;

    @BeforeAll
    static void start() {
        redis = TestRedis.start();
        // Two instances with two workers each, sharing one Redis, as in the compose file.
        first = TestApp.start(TestApp.config(redis.url()));
        second = TestApp.start(TestApp.config(redis.url()));
    }

    @AfterAll
    static void stop() {
        TestApp.stop(first);
        TestApp.stop(second);
        redis.close();
    }

    @Test
    void theSameMessageIdTwiceGetsOneReply(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, first.httpPort());
        SimPhone other = new SimPhone(vertx, second.httpPort());
        String me = "+255700000401";
        phone.send(me, "hi", "retry-1");
        other.send(me, "hi", "retry-1");
        phone.send(me, "hi", "retry-1");
        phone.awaitMessages(me, 1);
        SimPhone.pause(Duration.ofSeconds(1));
        assertEquals(1, phone.messages(me).size());
    }

    @Test
    void twentyMessagesFromOneCitizenAreHandledInOrder(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, first.httpPort());
        SimPhone other = new SimPhone(vertx, second.httpPort());
        String me = "+255700000402";
        phone.exchange(me, "hi", 0);
        phone.exchange(me, "1", 1);
        List<String> ids = IntStream.rangeClosed(1, 20).mapToObj(i -> "burst-" + i).toList();
        for (int i = 0; i < ids.size(); i++) {
            // alternate the instance the message arrives at; the order is the order of acceptance
            (i % 2 == 0 ? phone : other).send(me, "question number " + i, ids.get(i));
        }
        List<String> repliedTo = phone.awaitMessages(me, 22).stream().skip(2)
                .map(m -> m.getString("replyTo")).toList();
        assertEquals(ids, repliedTo);
    }

    @Test
    void manyCitizensAtOnceEachGetTheirOwnRepliesInOrder(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, first.httpPort());
        List<String> citizens = IntStream.range(0, 30).mapToObj(i -> "+2557005" + String.format("%05d", i)).toList();
        for (int round = 0; round < 3; round++) {
            for (String citizen : citizens) {
                phone.send(citizen, round == 0 ? "hi" : round == 1 ? "1" : "MENU", citizen + "-" + round);
            }
        }
        for (String citizen : citizens) {
            List<JsonObject> messages = phone.awaitMessages(citizen, 3);
            assertEquals(List.of(citizen + "-0", citizen + "-1", citizen + "-2"),
                    messages.stream().map(m -> m.getString("replyTo")).toList());
        }
    }
}
