package org.mwalimu.conversation;

/** Where a citizen is in the dialogue; decides what a bare number or NEXT means. */
public enum Stage {
    /** Never written before. */
    NEW,
    /** Asked to pick a language. */
    LANGUAGE,
    /** Shown the main menu. */
    MENU,
    /** Reading the steps of a lesson. */
    LESSON,
    /** A lesson is finished; NEXT starts the next one. */
    LESSON_DONE,
    /** Asked the lesson's quiz question. */
    QUIZ,
    /** Chose "ask a question" from the menu. */
    QUESTION,
    /** Asked at which hour to send the daily lesson. */
    DAILY_HOUR,
    /** Asked "did you mean 1) ... 2) ...?" about a question. */
    CLARIFY
}
