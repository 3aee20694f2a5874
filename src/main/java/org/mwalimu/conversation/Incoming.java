package org.mwalimu.conversation;

/** What reaches the engine for one citizen. */
public sealed interface Incoming {

    /** Something the citizen typed (or the id of a button they tapped). */
    record Text(String text) implements Incoming {
    }

    /** A picture, voice note, sticker or location: the bot cannot read it. */
    record Unreadable() implements Incoming {
    }

    /** The scheduler says it is time for this citizen's daily lesson. */
    record DailyLesson() implements Incoming {
    }
}
