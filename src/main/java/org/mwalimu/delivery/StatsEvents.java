package org.mwalimu.delivery;

import java.util.HashMap;
import java.util.Map;
import org.mwalimu.conversation.ConversationEvent;
import org.mwalimu.conversation.ConversationEvent.CourseCompleted;
import org.mwalimu.conversation.ConversationEvent.LessonDelivered;
import org.mwalimu.conversation.ConversationEvent.QuizAnswered;

/** Builds entries of the events stream: type, time, channel, language, hashed citizen and details. */
public final class StatsEvents {

    private final CitizenHasher hasher;

    public StatsEvents(CitizenHasher hasher) {
        this.hasher = hasher;
    }

    /** The salted hash that stands for the citizen in statistics. */
    public String citizen(String address) {
        return hasher.hash(address);
    }

    public Map<String, String> event(String type, long at, String channel, String language, String address) {
        Map<String, String> fields = new HashMap<>();
        fields.put("type", type);
        fields.put("at", String.valueOf(at));
        fields.put("channel", channel);
        fields.put("language", language);
        fields.put("citizen", hasher.hash(address));
        return fields;
    }

    public Map<String, String> event(ConversationEvent e, long at, String channel, String language, String address) {
        Map<String, String> fields = event(e.type(), at, channel, language, address);
        if (e instanceof LessonDelivered d) {
            fields.put("course", d.course());
            fields.put("lesson", d.lesson());
        } else if (e instanceof QuizAnswered q) {
            fields.put("course", q.course());
            fields.put("lesson", q.lesson());
            fields.put("correct", String.valueOf(q.correct()));
        } else if (e instanceof CourseCompleted c) {
            fields.put("course", c.course());
        }
        return fields;
    }
}
