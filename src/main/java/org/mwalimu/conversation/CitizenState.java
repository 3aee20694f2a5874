package org.mwalimu.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine remembers about one citizen. Empty strings mean "none" so that the record
 * stores as plain JSON and never carries a null.
 *
 * @param language      chosen language code, or "" before the choice
 * @param course        course being taken, or ""
 * @param offeredCourse course offered after finishing one (NEXT starts it), or ""
 * @param quizAttempts  wrong answers so far to the current quiz
 * @param dailyHour     local hour (0-23) of the daily lesson, or -1 when not subscribed
 * @param pending       the two intents of an open "did you mean 1) ... 2) ...?", else empty
 */
public record CitizenState(Stage stage, String language, String course, String offeredCourse,
                           Map<String, CourseProgress> progress, int quizAttempts, boolean optedOut, int dailyHour,
                           List<String> pending) {

    public CitizenState {
        progress = Map.copyOf(progress);
        pending = pending == null ? List.of() : List.copyOf(pending); // states stored before the field existed
    }

    /** A citizen with no question pending. */
    public CitizenState(Stage stage, String language, String course, String offeredCourse,
                        Map<String, CourseProgress> progress, int quizAttempts, boolean optedOut, int dailyHour) {
        this(stage, language, course, offeredCourse, progress, quizAttempts, optedOut, dailyHour, List.of());
    }

    public static CitizenState newcomer() {
        return new CitizenState(Stage.NEW, "", "", "", Map.of(), 0, false, -1);
    }

    public boolean hasLanguage() {
        return !language.isEmpty();
    }

    public CourseProgress progressIn(String courseId) {
        return progress.getOrDefault(courseId, CourseProgress.start());
    }

    CitizenState withStage(Stage newStage) {
        return new CitizenState(newStage, language, course, offeredCourse, progress, quizAttempts, optedOut, dailyHour, pending);
    }

    CitizenState withLanguage(String code) {
        return new CitizenState(stage, code, course, offeredCourse, progress, quizAttempts, optedOut, dailyHour, pending);
    }

    CitizenState withPending(List<String> intents) {
        return new CitizenState(stage, language, course, offeredCourse, progress, quizAttempts, optedOut, dailyHour, intents);
    }

    public boolean subscribedDaily() {
        return dailyHour >= 0;
    }

    CitizenState withDailyHour(int hour) {
        return new CitizenState(stage, language, course, offeredCourse, progress, quizAttempts, optedOut, hour, pending);
    }

    CitizenState withOptedOut(boolean value) {
        return new CitizenState(stage, language, course, offeredCourse, progress, quizAttempts, value, dailyHour, pending);
    }

    CitizenState withQuizAttempts(int attempts) {
        return new CitizenState(stage, language, course, offeredCourse, progress, attempts, optedOut, dailyHour, pending);
    }

    CitizenState withOffer(String courseId) {
        return new CitizenState(stage, language, course, courseId, progress, quizAttempts, optedOut, dailyHour, pending);
    }

    /** Makes {@code courseId} the current course with the given progress. */
    CitizenState inCourse(String courseId, CourseProgress p) {
        Map<String, CourseProgress> updated = new HashMap<>(progress);
        updated.put(courseId, p);
        return new CitizenState(stage, language, courseId, offeredCourse, updated, quizAttempts, optedOut, dailyHour, pending);
    }

    CitizenState withoutCourse() {
        return new CitizenState(stage, language, "", offeredCourse, progress, quizAttempts, optedOut, dailyHour, pending);
    }
}
