package org.mwalimu.delivery;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.mwalimu.store.DailySchedules;
import org.mwalimu.store.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-driven parts of delivery: parked retries go back on their streams when due, and daily
 * lessons are queued at each citizen's hour. Safe with any number of instances: each lesson is
 * claimed with a compare-and-set on its due time.
 */
public final class DeliveryTimers extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTimers.class);
    private static final long RETRY_TICK_MS = 250;
    private static final Duration GRACE = Duration.ofHours(6);
    private static final int BATCH = 200;

    private final Outbox outbox;
    private final DailySchedules schedules;
    private final DailySchedule schedule;
    private final TimeZones zones;
    private final Clock clock;
    private final Duration dailyInterval;
    private boolean dailyRunning;

    public DeliveryTimers(Outbox outbox, DailySchedules schedules, DailySchedule schedule, TimeZones zones,
                          Clock clock, Duration dailyInterval) {
        this.outbox = outbox;
        this.schedules = schedules;
        this.schedule = schedule;
        this.zones = zones;
        this.clock = clock;
        this.dailyInterval = dailyInterval;
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(RETRY_TICK_MS, t -> outbox.releaseDueRetries(System.currentTimeMillis())
                .onFailure(e -> LOG.debug("cannot release retries: {}", e.getMessage())));
        vertx.setPeriodic(dailyInterval.toMillis(), t -> dailyLessons());
        return Future.succeededFuture();
    }

    /** Queues every lesson that is due, batch after batch, unless a previous run is still going. */
    void dailyLessons() {
        if (dailyRunning) {
            return;
        }
        dailyRunning = true;
        Instant now = clock.instant();
        dueBatch(now).onComplete(r -> {
            dailyRunning = false;
            if (r.failed()) {
                LOG.warn("daily lessons: {}", r.cause().getMessage());
            }
        });
    }

    private Future<Void> dueBatch(Instant now) {
        return schedules.due(now.toEpochMilli(), BATCH).compose(due -> {
            Future<Void> chain = Future.succeededFuture();
            for (DailySchedules.Due lesson : due) {
                chain = chain.compose(v -> fire(lesson, now).mapEmpty());
            }
            return due.size() < BATCH ? chain : chain.compose(v -> dueBatch(now));
        });
    }

    private Future<Boolean> fire(DailySchedules.Due lesson, Instant now) {
        DailyDetails details;
        try {
            details = DailyDetails.decode(lesson.details());
        } catch (IllegalArgumentException e) {
            LOG.warn("daily schedule entry {} is unreadable; skipped", lesson.dueMillis());
            return schedules.fire(lesson, Long.MAX_VALUE, Map.of(), "");
        }
        ZoneId zone = zones.zoneFor(lesson.address());
        DailySchedule.Decision decision = schedule.decide(details.hour(), zone,
                Instant.ofEpochMilli(lesson.dueMillis()), now, GRACE);
        if (decision instanceof DailySchedule.Decision.Defer defer) {
            return schedules.fire(lesson, defer.until().toEpochMilli(), Map.of(), "");
        }
        long next = schedule.nextSend(details.hour(), zone, now).toEpochMilli();
        String day = LocalDate.ofInstant(now, zone).toString();
        Map<String, String> entry = new HashMap<>();
        entry.put(Fields.CHANNEL, details.channel());
        entry.put(Fields.ADDRESS, lesson.address());
        entry.put(Fields.KIND, Fields.KIND_DAILY);
        entry.put(Fields.TEXT, "");
        entry.put(Fields.MESSAGE_ID, "daily-" + day);
        entry.put(Fields.AT, String.valueOf(now.toEpochMilli()));
        return schedules.fire(lesson, next, entry, lesson.address() + ":" + day);
    }
}
