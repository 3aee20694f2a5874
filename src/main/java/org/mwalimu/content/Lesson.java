package org.mwalimu.content;

import java.util.List;

public record Lesson(String id, LocalizedText title, List<LocalizedText> steps, Quiz quiz) {

    public Lesson {
        steps = List.copyOf(steps);
    }
}
