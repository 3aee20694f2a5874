package org.mwalimu.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When to send a citizen's daily lesson: at the hour they chose on their own local clock, never
 * during quiet hours, and never a flood of missed lessons after an outage. Pure: no clock, no I/O.
 */
public final class DailySchedule {

    /**
     * Local times at which no lesson is sent, from {@code start} (included) to {@code end} (excluded),
     * e.g. 21:00–07:00; may wrap midnight; {@code start == end} means no quiet hours.
     */
    public record QuietHours(LocalTime start, LocalTime end) {

        private static final Pattern FORMAT =
                Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}):(\\d{2})\\s*");

        public QuietHours {
            if (start == null || end == null) {
                throw new IllegalArgumentException("quiet hours need a start and an end");
            }
        }

        /** No quiet hours at all. */
        public static QuietHours none() {
            return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        }

        public boolean isNone() {
            return start.equals(end);
        }

        /** True when {@code t} is quiet: start ≤ t < end, or, when the period wraps midnight, t ≥ start or t < end. */
        public boolean contains(LocalTime t) {
            if (isNone()) {
                return false;
            }
            return start.isBefore(end)
                    ? !t.isBefore(start) && t.isBefore(end)
                    : !t.isBefore(start) || t.isBefore(end);
        }

        /** Parses "21:00-07:00" (24-hour clock; "24:00" is accepted as midnight; "00:00-00:00" means none). */
        public static QuietHours parse(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("quiet hours are missing; write them like 21:00-07:00, or 00:00-00:00 for none");
            }
            Matcher m = FORMAT.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("quiet hours must look like 21:00-07:00 (start-end, 24-hour clock),"
                        + " not '" + text + "'");
            }
            return new QuietHours(time(text, m.group(1), m.group(2)), time(text, m.group(3), m.group(4)));
        }

        private static LocalTime time(String text, String hours, String minutes) {
            int h = Integer.parseInt(hours);
            int min = Integer.parseInt(minutes);
            if (h == 24 && min == 0) {
                return LocalTime.MIDNIGHT;
            }
            if (h > 23 || min > 59) {
                throw new IllegalArgumentException("quiet hours '" + text + "': " + hours + ":" + minutes
                        + " is not a time of day (00:00 to 23:59)");
            }
            return LocalTime.of(h, min);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** What the scheduler does with a due lesson. */
    public sealed interface Decision {
        /** Send the lesson now. */
        record SendNow() implements Decision {
        }

        /** Do not send now; queue the lesson again to be due at {@code until} (deciding then with due = until sends it). */
        record Defer(Instant until) implements Decision {
            public Defer {
                if (until == null) {
                    throw new IllegalArgumentException("until is required");
                }
            }
        }
    }

    private final QuietHours quiet;

    public DailySchedule(QuietHours quiet) {
        if (quiet == null) {
            throw new IllegalArgumentException("quiet hours are required; use QuietHours.none() for none");
        }
        this.quiet = quiet;
    }

    /** True when a lesson at this local hour (0-23, on the hour) would fall in quiet hours. */
    public boolean inQuietHours(int hour) {
        return quiet.contains(LocalTime.of(checkHour(hour), 0));
    }

    /**
     * The first instant strictly after {@code after} at which the local clock in {@code zone} shows
     * {@code hour}:00, moved to the end of quiet hours if the hour is inside them.
     * <ul>
     *   <li>An hour inside quiet hours means the end of quiet hours every day (22 with 21:00-07:00 → 07:00 daily).</li>
     *   <li>A local time skipped by a DST gap moves forward by the length of the gap (01:00 → 02:00 in Lisbon in spring).</li>
     *   <li>A local time that occurs twice in a DST overlap is the earlier one, so a lesson is sent once that day.</li>
     * </ul>
     */
    public Instant nextSend(int hour, ZoneId zone, Instant after) {
        checkHour(hour);
        requireZoneAndInstant(zone, after, "after");
        return nextLocal(sendTime(hour), zone, after);
    }

    /**
     * What to do with a lesson that was due at {@code due} when the scheduler sees it at {@code now}.
     * <ul>
     *   <li>Not yet due (now before due) → defer to due.</li>
     *   <li>At most {@code grace} late and outside quiet hours locally → send now (grace is inclusive).</li>
     *   <li>At most {@code grace} late but inside quiet hours → defer to the end of the current quiet period,
     *       so the lesson is kept and arrives in the morning.</li>
     *   <li>More than {@code grace} late → defer to the next regular {@link #nextSend} after now: a scheduler
     *       that was down for days sends each citizen one lesson, never a flood of the missed ones.</li>
     * </ul>
     */
    public Decision decide(int hour, ZoneId zone, Instant due, Instant now, Duration grace) {
        checkHour(hour);
        requireZoneAndInstant(zone, due, "due");
        requireZoneAndInstant(zone, now, "now");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive, not " + grace);
        }
        if (now.isBefore(due)) {
            return new Decision.Defer(due);
        }
        if (Duration.between(due, now).compareTo(grace) > 0) {
            return new Decision.Defer(nextSend(hour, zone, now));
        }
        if (quiet.contains(now.atZone(zone).toLocalTime())) {
            return new Decision.Defer(nextLocal(quiet.end(), zone, now));
        }
        return new Decision.SendNow();
    }

    /** The local time at which a lesson chosen for {@code hour} is sent: the hour, or the end of quiet hours. */
    private LocalTime sendTime(int hour) {
        LocalTime chosen = LocalTime.of(hour, 0);
        return quiet.contains(chosen) ? quiet.end() : chosen;
    }

    /** The first instant strictly after {@code after} at which the local clock in {@code zone} shows {@code time}. */
    private static Instant nextLocal(LocalTime time, ZoneId zone, Instant after) {
        // Start a day early: candidates never decrease from one day to the next, so the first one after wins.
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 5; i++, date = date.plusDays(1)) {
            // ZonedDateTime.of shifts a time in a gap forward by the gap and takes the earlier offset in an overlap.
            Instant candidate = ZonedDateTime.of(date, time, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + time + " in " + zone + " within days after " + after);
    }

    private static int checkHour(int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23, not " + hour);
        }
        return hour;
    }

    private static void requireZoneAndInstant(ZoneId zone, Instant instant, String name) {
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
        if (instant == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
