package org.mwalimu.delivery;

import java.time.Clock;
import org.mwalimu.conversation.CitizenState;
import org.mwalimu.store.ScheduleChange;

/** Turns a change of a citizen's daily-lesson choice into a change of the shared schedule. */
public final class DailyPlanner {

    private final DailySchedule schedule;
    private final TimeZones zones;
    private final Clock clock;

    public DailyPlanner(DailySchedule schedule, TimeZones zones, Clock clock) {
        this.schedule = schedule;
        this.zones = zones;
        this.clock = clock;
    }

    /** {@code channel} is where the daily lessons go (SMS for a citizen who subscribed on USSD). */
    public ScheduleChange change(CitizenState before, CitizenState after, String channel, String address) {
        boolean wasOn = before.subscribedDaily() && !before.optedOut();
        boolean isOn = after.subscribedDaily() && !after.optedOut();
        if (!isOn) {
            return wasOn ? new ScheduleChange.Remove() : new ScheduleChange.None();
        }
        if (wasOn && before.dailyHour() == after.dailyHour()) {
            return new ScheduleChange.None();
        }
        long due = schedule.nextSend(after.dailyHour(), zones.zoneFor(address), clock.instant()).toEpochMilli();
        return new ScheduleChange.Set(due, DailyDetails.encode(channel, after.dailyHour()));
    }
}
