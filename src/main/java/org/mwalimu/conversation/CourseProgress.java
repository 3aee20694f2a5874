package org.mwalimu.conversation;

/**
 * Progress in one course: the lesson index and the step last shown in it ({@code -1} before the
 * first step, the number of steps while at the quiz).
 */
public record CourseProgress(int lesson, int step, boolean completed) {

    public static CourseProgress start() {
        return new CourseProgress(0, -1, false);
    }

    CourseProgress atStep(int newStep) {
        return new CourseProgress(lesson, newStep, completed);
    }
}
