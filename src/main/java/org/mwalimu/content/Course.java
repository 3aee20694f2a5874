package org.mwalimu.content;

import java.util.List;

public record Course(String id, int order, LocalizedText title, LocalizedText summary, List<Lesson> lessons) {

    public Course {
        lessons = List.copyOf(lessons);
    }
}
