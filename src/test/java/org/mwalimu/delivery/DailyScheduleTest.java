package org.mwalimu.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwalimu.delivery.DailySchedule.Decision;
import org.mwalimu.delivery.DailySchedule.QuietHours;

class DailyScheduleTest {

    private static final ZoneId DAR = ZoneId.of("Africa/Dar_es_Salaam");      // UTC+3, no DST
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");     // UTC+5:45
    private static final ZoneId CHATHAM = ZoneId.of("Pacific/Chatham");      // UTC+12:45 / +13:45 in southern summer
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");         // 2025: gap 30 Mar 01:00, overlap 26 Oct 01:00-02:00
    private static final ZoneId HAVANA = ZoneId.of("America/Havana");        // 2025: gap 9 Mar 00:00, overlap 2 Nov 00:00-01:00
    private static final Duration GRACE = Duration.ofHours(6);

    private final DailySchedule nights = new DailySchedule(QuietHours.parse("21:00-07:00"));
    private final DailySchedule always = new DailySchedule(QuietHours.parse("00:00-00:00"));

    private static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    @ParameterizedTest
    @CsvSource({"22, true", "6, true", "21, true", "0, true", "7, false", "20, false", "12, false"})
    void quietHoursWrappingMidnight(int hour, boolean quiet) {
        assertEquals(quiet, nights.inQuietHours(hour));
    }

    @Test
    void quietHoursStartIsQuietEndIsNot() {
        QuietHours q = QuietHours.parse("21:00-07:00");
        assertTrue(q.contains(LocalTime.of(21, 0)));
        assertTrue(q.contains(LocalTime.of(6, 59)));
        assertFalse(q.contains(LocalTime.of(7, 0)));
        assertFalse(q.contains(LocalTime.of(20, 59)));
    }

    @Test
    void quietHoursSameStartAndEndMeansNone() {
        for (int hour = 0; hour < 24; hour++) {
            assertFalse(always.inQuietHours(hour), "hour " + hour);
        }
        assertTrue(QuietHours.parse("00:00-00:00").isNone());
        assertEquals(QuietHours.none(), QuietHours.parse("00:00-00:00"));
    }

    @ParameterizedTest
    @CsvSource({"12, false", "13, true", "14, false", "23, false", "0, false"})
    void quietHoursNotWrapping(int hour, boolean quiet) {
        assertEquals(quiet, new DailySchedule(QuietHours.parse("13:00-14:00")).inQuietHours(hour));
    }

    @Test
    void quietHoursParseSpacesDashesAndMidnightAs24() {
        assertEquals(new QuietHours(LocalTime.of(21, 30), LocalTime.of(6, 0)), QuietHours.parse(" 21:30 \u2013 6:00 "));
        QuietHours untilMidnight = QuietHours.parse("22:00-24:00");
        assertEquals(LocalTime.MIDNIGHT, untilMidnight.end());
        assertTrue(untilMidnight.contains(LocalTime.of(23, 59)));
        assertFalse(untilMidnight.contains(LocalTime.of(0, 0)));
        assertFalse(untilMidnight.contains(LocalTime.of(21, 59)));
        assertEquals("21:00-07:00", QuietHours.parse("21:00-07:00").toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"21-07", "21:00", "21:00-", "25:00-07:00", "21:60-07:00", "21:00-24:30", "9pm-7am",
            "21:00-07:00-08:00", "21:00 to 07:00"})
    void quietHoursRejectAnythingElseWithAClearMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuietHours.parse(text));
        assertTrue(e.getMessage().contains("quiet hours"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 24, 100})
    void hourMustBeOnTheClock(int hour) {
        assertThrows(IllegalArgumentException.class, () -> nights.inQuietHours(hour));
        assertThrows(IllegalArgumentException.class, () -> nights.nextSend(hour, DAR, utc("2025-06-10T00:00:00Z")));
    }

    @Test
    void nextSendJustBeforeTheHourIsTheSameDay() {
        assertEquals(utc("2025-06-10T05:00:00Z"), nights.nextSend(8, DAR, at("2025-06-10T07:59:59", DAR)));
    }

    @Test
    void nextSendAtTheHourIsTheNextDay() {
        // Strictly after: the lesson just sent at 08:00 is not sent again.
        assertEquals(utc("2025-06-11T05:00:00Z"), nights.nextSend(8, DAR, at("2025-06-10T08:00", DAR)));
    }

    @Test
    void nextSendJustAfterTheHourIsTheNextDay() {
        assertEquals(utc("2025-06-11T05:00:00Z"), nights.nextSend(8, DAR, at("2025-06-10T08:00:01", DAR)));
    }

    @Test
    void nextSendAcrossMidnightAndTheNewYear() {
        assertEquals(at("2026-01-01T08:00", DAR), nights.nextSend(8, DAR, at("2025-12-31T23:30", DAR)));
        assertEquals(at("2025-06-11T20:00", DAR), nights.nextSend(20, DAR, at("2025-06-10T20:30", DAR)));
    }

    @Test
    void localDateDiffersFromUtcDate() {
        // 21:00 UTC on 9 June is already 00:00 on 10 June in Dar es Salaam.
        assertEquals(utc("2025-06-10T05:00:00Z"), nights.nextSend(8, DAR, utc("2025-06-09T21:00:00Z")));
        assertEquals(utc("2025-06-10T21:00:00Z"), always.nextSend(0, DAR, utc("2025-06-09T21:00:00Z")));
    }

    @Test
    void kathmanduQuarterHourOffset() {
        // 08:00 +05:45 = 02:15 UTC.
        assertEquals(utc("2025-06-10T02:15:00Z"), nights.nextSend(8, KATHMANDU, utc("2025-06-10T02:14:00Z")));
        assertEquals(utc("2025-06-11T02:15:00Z"), nights.nextSend(8, KATHMANDU, utc("2025-06-10T02:15:00Z")));
        // 20:00 UTC on 9 June is 01:45 on 10 June there.
        assertEquals(utc("2025-06-10T02:15:00Z"), nights.nextSend(8, KATHMANDU, utc("2025-06-09T20:00:00Z")));
        // Midnight there is 18:15 UTC the day before.
        assertEquals(utc("2025-06-10T18:15:00Z"), always.nextSend(0, KATHMANDU, utc("2025-06-10T12:00:00Z")));
    }

    @Test
    void chathamOffsetInWinterAndSummer() {
        // June: +12:45, so 09:00 on 10 June is 20:15 UTC on 9 June.
        assertEquals(utc("2025-06-09T20:15:00Z"), nights.nextSend(9, CHATHAM, utc("2025-06-09T12:00:00Z")));
        // January: +13:45.
        assertEquals(utc("2025-01-09T19:15:00Z"), nights.nextSend(9, CHATHAM, utc("2025-01-09T12:00:00Z")));
    }

    @Test
    void chathamGapMovesForward() {
        // 28 Sep 2025 02:45 jumps to 03:45; 03:00 does not exist and becomes 04:00 +13:45.
        Instant next = always.nextSend(3, CHATHAM, at("2025-09-28T00:30", CHATHAM));
        assertEquals(utc("2025-09-27T14:15:00Z"), next);
        assertEquals(LocalTime.of(4, 0), next.atZone(CHATHAM).toLocalTime());
    }

    @Test
    void lisbonGapMovesForwardAndDoesNotRepeat() {
        // 30 Mar 2025 01:00 WET jumps to 02:00 WEST: a 01:00 lesson goes at 02:00 that day.
        Instant gapDay = always.nextSend(1, LISBON, utc("2025-03-29T12:00:00Z"));
        assertEquals(utc("2025-03-30T01:00:00Z"), gapDay);
        assertEquals(LocalTime.of(2, 0), gapDay.atZone(LISBON).toLocalTime());
        assertEquals(utc("2025-03-31T00:00:00Z"), always.nextSend(1, LISBON, gapDay));
        // An hour outside the gap keeps its local time: 08:00 WET then 08:00 WEST.
        assertEquals(utc("2025-03-30T07:00:00Z"), nights.nextSend(8, LISBON, utc("2025-03-29T08:00:00Z")));
    }

    @Test
    void lisbonOverlapTakesTheEarlierAndSendsOnce() {
        // 26 Oct 2025 01:00-02:00 happens twice (WEST, then WET).
        Instant first = always.nextSend(1, LISBON, utc("2025-10-25T12:00:00Z"));
        assertEquals(utc("2025-10-26T00:00:00Z"), first);
        assertEquals(ZoneOffset.ofHours(1), first.atZone(LISBON).getOffset());
        // Not the second 01:00 (01:00 UTC) an hour later, but the next day.
        assertEquals(utc("2025-10-27T01:00:00Z"), always.nextSend(1, LISBON, first));
        assertEquals(utc("2025-10-27T01:00:00Z"), always.nextSend(1, LISBON, utc("2025-10-26T00:30:00Z")));
    }

    @Test
    void havanaMidnightGapAndOverlap() {
        // 9 Mar 2025 00:00 jumps to 01:00 (-05 to -04).
        Instant gapDay = always.nextSend(0, HAVANA, utc("2025-03-08T12:00:00Z"));
        assertEquals(utc("2025-03-09T05:00:00Z"), gapDay);
        assertEquals(LocalTime.of(1, 0), gapDay.atZone(HAVANA).toLocalTime());
        assertEquals(utc("2025-03-10T04:00:00Z"), always.nextSend(0, HAVANA, gapDay));
        // 2 Nov 2025 00:00-01:00 happens twice: the earlier (-04) once.
        Instant overlapDay = always.nextSend(0, HAVANA, utc("2025-11-01T12:00:00Z"));
        assertEquals(utc("2025-11-02T04:00:00Z"), overlapDay);
        assertEquals(utc("2025-11-03T05:00:00Z"), always.nextSend(0, HAVANA, overlapDay));
    }

    @Test
    void nextSendInQuietHoursMovesToTheirEnd() {
        assertEquals(at("2025-06-11T07:00", DAR), nights.nextSend(22, DAR, at("2025-06-10T15:00", DAR)));
        assertEquals(at("2025-06-10T07:00", DAR), nights.nextSend(6, DAR, at("2025-06-10T05:00", DAR)));
        assertEquals(at("2025-06-11T07:00", DAR), nights.nextSend(6, DAR, at("2025-06-10T07:00", DAR)));
        DailySchedule lunch = new DailySchedule(QuietHours.parse("13:00-14:30"));
        assertEquals(at("2025-06-10T14:30", DAR), lunch.nextSend(13, DAR, at("2025-06-10T09:00", DAR)));
    }

    @Test
    void oneLessonPerDayAtTheSameLocalTime() {
        Instant t = nights.nextSend(19, KATHMANDU, at("2025-06-01T00:00", KATHMANDU));
        assertEquals(at("2025-06-01T19:00", KATHMANDU), t);
        for (int day = 2; day <= 30; day++) {
            Instant next = nights.nextSend(19, KATHMANDU, t);
            assertEquals(Duration.ofDays(1), Duration.between(t, next), "day " + day);
            assertEquals(LocalTime.of(19, 0), next.atZone(KATHMANDU).toLocalTime());
            t = next;
        }
    }

    @Test
    void onTimeSendsNow() {
        Instant due = at("2025-06-10T20:00", DAR);
        assertEquals(new Decision.SendNow(), nights.decide(20, DAR, due, due, GRACE));
    }

    @Test
    void twoHoursLateOutsideQuietHoursSendsNow() {
        Instant due = at("2025-06-10T08:00", DAR);
        assertEquals(new Decision.SendNow(), nights.decide(8, DAR, due, due.plus(Duration.ofHours(2)), GRACE));
    }

    @Test
    void exactlyGraceLateStillSends() {
        Instant due = at("2025-06-10T08:00", DAR);
        assertEquals(new Decision.SendNow(), nights.decide(8, DAR, due, due.plus(GRACE), GRACE));
        assertEquals(new Decision.Defer(at("2025-06-11T08:00", DAR)),
                nights.decide(8, DAR, due, due.plus(GRACE).plusSeconds(1), GRACE));
    }

    @Test
    void seenDuringQuietHoursWaitsForTheMorning() {
        Instant due = at("2025-06-10T20:00", DAR);
        Decision decision = nights.decide(20, DAR, due, at("2025-06-10T23:00", DAR), GRACE);
        Instant morning = at("2025-06-11T07:00", DAR);
        assertEquals(new Decision.Defer(morning), decision);
        // Queued again with due = morning, it goes out then.
        assertEquals(new Decision.SendNow(), nights.decide(20, DAR, morning, morning, GRACE));
    }

    @Test
    void seenAfterMidnightInQuietHoursWaitsForTheSameMorning() {
        Instant due = at("2025-06-10T20:00", DAR);
        assertEquals(new Decision.Defer(at("2025-06-11T07:00", DAR)),
                nights.decide(20, DAR, due, at("2025-06-11T02:00", DAR), GRACE));
    }

    @Test
    void quietPeriodEndIsLocalInOddOffsetZones() {
        Instant due = at("2025-06-10T20:00", KATHMANDU);
        assertEquals(new Decision.Defer(utc("2025-06-11T01:15:00Z")),
                nights.decide(20, KATHMANDU, due, at("2025-06-10T21:30", KATHMANDU), GRACE));
    }

    @Test
    void downForThreeDaysSendsOneLessonAtTheNextRegularTime() {
        Instant due = at("2025-06-10T08:00", DAR);
        Instant back = at("2025-06-13T12:00", DAR);
        Instant nextRegular = at("2025-06-14T08:00", DAR);
        assertEquals(new Decision.Defer(nextRegular), nights.decide(8, DAR, due, back, GRACE));
        // Back during quiet hours: still the next regular time, not the end of this night.
        assertEquals(new Decision.Defer(nextRegular),
                nights.decide(8, DAR, due, at("2025-06-13T23:00", DAR), GRACE));
    }

    @Test
    void schedulerLoopAfterAnOutageSendsOneLessonADay() {
        // The scheduler keeps one pending lesson per citizen; it was down from 10 to 13 June.
        Instant due = at("2025-06-10T08:00", DAR);
        Instant now = at("2025-06-13T12:00", DAR);
        List<Instant> sent = new ArrayList<>();
        Instant end = at("2025-06-16T12:00", DAR);
        while (!now.isAfter(end)) {
            Decision d = nights.decide(8, DAR, due, now, GRACE);
            if (d instanceof Decision.SendNow) {
                sent.add(now);
                due = nights.nextSend(8, DAR, due.isAfter(now) ? due : now);
            } else if (d instanceof Decision.Defer defer) {
                due = defer.until();
            }
            now = due.isAfter(now) ? due : now.plusSeconds(60);
        }
        assertEquals(List.of(at("2025-06-14T08:00", DAR), at("2025-06-15T08:00", DAR), at("2025-06-16T08:00", DAR)),
                sent);
    }

    @Test
    void notYetDueIsDeferredToDue() {
        Instant due = at("2025-06-10T08:00", DAR);
        assertEquals(new Decision.Defer(due), nights.decide(8, DAR, due, due.minusSeconds(1), GRACE));
    }

    @Test
    void noQuietHoursSendsAtNight() {
        Instant due = at("2025-06-10T20:00", DAR);
        assertEquals(new Decision.SendNow(), always.decide(20, DAR, due, at("2025-06-10T23:00", DAR), GRACE));
    }

    @Test
    void decideRejectsNegativeGrace() {
        Instant due = at("2025-06-10T08:00", DAR);
        assertThrows(IllegalArgumentException.class, () -> nights.decide(8, DAR, due, due, Duration.ofHours(-1)));
    }
}
