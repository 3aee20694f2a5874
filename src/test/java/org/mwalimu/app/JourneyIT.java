package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.Course;
import org.mwalimu.content.Lesson;
import org.mwalimu.content.MessageKey;

/** A citizen's whole first visit through the simulator, a real server and a real Redis. */
@ExtendWith(VertxExtension.class)
class JourneyIT {

    private static RunningServer server;
    private static Mwalimu app;
    private static Catalog catalog;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        app = server.app();
        catalog = server.content();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCitizenTakesALessonAndItsQuizThenStopsAndComesBack(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        String me = "+255700000101";
        Course course = catalog.courses().get(0);
        Lesson first = course.lessons().get(0);
        int n = 0;

        String reply = phone.exchange(me, "hi", n++);
        assertTrue(reply.contains(catalog.message("en", MessageKey.WELCOME)), reply);
        assertTrue(reply.contains("Kiswahili"), reply);

        reply = phone.exchange(me, "1", n++);
        assertTrue(reply.contains(catalog.message("en", MessageKey.LANGUAGE_SET)), reply);
        assertTrue(reply.contains(course.title().in("en")), reply);

        reply = phone.exchange(me, "1", n++);
        assertTrue(reply.contains(first.title().in("en")), reply);
        assertTrue(reply.contains(first.steps().get(0).in("en")), reply);

        for (int step = 1; step < first.steps().size(); step++) {
            reply = phone.exchange(me, "NEXT", n++);
            assertTrue(reply.contains(first.steps().get(step).in("en")), reply);
        }
        reply = phone.exchange(me, "next", n++);
        assertTrue(reply.contains(first.quiz().question().in("en")), reply);
        assertTrue(reply.contains("A) " + first.quiz().options().get(0).in("en")), reply);

        int wrong = first.quiz().answer() == 1 ? 2 : 1;
        reply = phone.exchange(me, String.valueOf((char) ('a' + wrong - 1)), n++);
        assertTrue(reply.contains(first.quiz().hint().in("en")), reply);

        reply = phone.exchange(me, first.quiz().rightOption().in("en").toUpperCase(), n++);
        assertTrue(reply.contains(first.quiz().explanation().in("en")), reply);
        Lesson second = course.lessons().get(1);
        assertTrue(reply.contains(second.title().in("en")), reply);

        reply = phone.exchange(me, "NEXT", n++);
        assertTrue(reply.contains(second.steps().get(0).in("en")), reply);

        reply = phone.exchange(me, "Stop", n++);
        assertEquals(catalog.message("en", MessageKey.STOPPED), reply);

        phone.send(me, "hi");
        phone.send(me, "MENU");
        phone.send(me, "NEXT");
        SimPhone.pause(Duration.ofSeconds(1));
        assertEquals(n, phone.messages(me).size(), "nothing may be sent after STOP");

        reply = phone.exchange(me, "start", n++);
        assertTrue(reply.contains(catalog.message("en", MessageKey.RESTARTED)), reply);
        assertTrue(reply.contains(catalog.message("en", MessageKey.MENU_HEADER)), reply);
    }

    @Test
    void aCitizenCanLearnInSwahiliAndUseSwahiliCommands(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        String me = "+254711000202";
        phone.exchange(me, "Habari", 0);
        String reply = phone.exchange(me, "kiswahili", 1);
        assertTrue(reply.contains(catalog.message("sw", MessageKey.MENU_HEADER)), reply);
        reply = phone.exchange(me, "2", 2);
        assertTrue(reply.contains(catalog.courses().get(1).lessons().get(0).steps().get(0).in("sw")), reply);
        reply = phone.exchange(me, "SITISHA", 3);
        assertEquals(catalog.message("sw", MessageKey.STOPPED), reply);
    }

    @Test
    void healthReportsRedisAndWorkers(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        var response = phone.get("/health", null);
        assertEquals(200, response.statusCode());
        var body = response.bodyAsJsonObject();
        assertEquals("up", body.getString("redis"));
        assertEquals(6, body.getJsonArray("workers").size(), "two conversation workers, two senders, two bulk senders");
        int conversationPartitions = body.getJsonArray("workers").stream()
                .map(w -> (io.vertx.core.json.JsonObject) w).filter(w -> w.getString("stage").equals("in"))
                .mapToInt(w -> w.getInteger("partitions")).sum();
        assertEquals(TestApp.PARTITIONS, conversationPartitions, body.encode());
    }
}
