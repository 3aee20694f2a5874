package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.MessageKey;

/**
 * Daily lessons with a clock the test controls: a lesson comes at the citizen's own hour (Dar es
 * Salaam, UTC+3), once a day, never in quiet hours, and one lesson only after a long downtime.
 */
@ExtendWith(VertxExtension.class)
class DailyLessonsIT {

    private static final String ME = "+255700002001";
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-27T10:00:00Z")); // 13:00 local

    private static RunningServer server;
    private static Mwalimu app;
    private static TestRedis redis;
    private static Catalog catalog;

    @BeforeAll
    static void start() {
        server = RunningServer.start(Map.of("MW_SCHEDULER_INTERVAL_S", "1", "MW_QUIET_HOURS", "21:00-07:00"), CLOCK);
        app = server.app();
        redis = server.redis();
        catalog = server.content();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDailyLessonComesAtTheCitizensHourOnceADayAndNeverInQuietHours(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        int n = 0;
        phone.exchange(ME, "hi", n++);
        phone.exchange(ME, "1", n++);
        String ask = phone.exchange(ME, "DAILY", n++);
        assertEquals(catalog.message("en", MessageKey.DAILY_ASK, Map.of("first", "7", "last", "20")), ask);
        String quiet = phone.exchange(ME, "22", n++);
        assertEquals(catalog.message("en", MessageKey.DAILY_QUIET, Map.of("first", "7", "last", "20")), quiet);
        String on = phone.exchange(ME, "18", n++);
        assertEquals(catalog.message("en", MessageKey.DAILY_ON, Map.of("hour", "18")), on);

        CLOCK.set(Instant.parse("2026-11-27T14:59:00Z")); // 17:59 in Dar es Salaam
        assertNoNewMessage(phone, n);

        CLOCK.set(Instant.parse("2026-11-27T15:00:20Z")); // 18:00
        String lesson = phone.reply(ME, ++n);
        assertTrue(lesson.contains(catalog.courses().get(0).lessons().get(0).steps().get(0).in("en")), lesson);

        CLOCK.set(Instant.parse("2026-11-27T15:30:00Z"));
        assertNoNewMessage(phone, n);

        // Down for three days, back at 23:30 local (quiet hours): no flood of missed lessons, nothing
        // at night, and the next lesson at the citizen's own hour.
        CLOCK.set(Instant.parse("2026-11-30T20:30:00Z"));
        assertNoNewMessage(phone, n);
        CLOCK.set(Instant.parse("2026-12-01T04:00:30Z")); // 07:00:30 local
        assertNoNewMessage(phone, n);
        CLOCK.set(Instant.parse("2026-12-01T15:00:20Z")); // 18:00:20 local
        phone.reply(ME, ++n);
        assertNoNewMessage(phone, n);

        phone.exchange(ME, "DAILY OFF", n++);
        CLOCK.set(Instant.parse("2026-12-02T15:00:30Z"));
        assertNoNewMessage(phone, n);
        assertEquals(0, redis.commands().zcard("mw:daily"));
    }

    private static void assertNoNewMessage(SimPhone phone, int count) {
        SimPhone.pause(Duration.ofMillis(2300)); // two scheduler passes
        assertEquals(count, phone.messages(ME).size(), () -> "unexpected: " + phone.messages(ME));
    }
}
