package org.mwalimu.store;

/** What a turn does to the citizen's daily lesson: nothing, stop it, or set its next time. */
public sealed interface ScheduleChange {

    String encoded();

    record None() implements ScheduleChange {
        public String encoded() {
            return "";
        }
    }

    record Remove() implements ScheduleChange {
        public String encoded() {
            return "del";
        }
    }

    /** {@code details} is what the scheduler needs later, e.g. channel and hour; no "|" in it. */
    record Set(long dueMillis, String details) implements ScheduleChange {
        public String encoded() {
            return "set|" + dueMillis + "|" + details;
        }
    }
}
