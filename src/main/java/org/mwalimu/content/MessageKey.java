package org.mwalimu.content;

import java.util.Locale;
import java.util.Set;

/**
 * Every system message the engine sends, with the placeholders it must contain.
 * The texts themselves live in content/system/&lt;lang&gt;.yaml.
 */
public enum MessageKey {
    WELCOME(),
    CHOOSE_LANGUAGE(),
    LANGUAGE_SET(),
    MENU_HEADER(),
    MENU_ITEM("n", "title"),
    MENU_ASK(),
    MENU_FOOTER(),
    CHOOSE_NUMBER("max"),
    LESSON_INTRO("n", "total", "title"),
    STEP("text"),
    RESUME("course"),
    QUIZ("question", "options", "letters"),
    QUIZ_OPTION("letter", "text"),
    QUIZ_PENDING("letters"),
    QUIZ_RIGHT("explanation"),
    QUIZ_WRONG_RETRY("hint", "letters"),
    QUIZ_WRONG_FINAL("letter", "answer", "explanation"),
    LESSON_DONE("n", "title"),
    COURSE_DONE("course"),
    COURSE_SUMMARY("summary"),
    NEXT_COURSE_OFFER("title"),
    ALL_COURSES_DONE(),
    HELP(),
    STOPPED(),
    RESTARTED(),
    ASK_PROMPT(),
    NOT_UNDERSTOOD(),
    ASK_HELPLINE("helpline"),
    DID_YOU_MEAN("first", "second"),
    LEARN_OFFER("course"),
    PORTAL_DEFAULT(),
    HELPLINE_DEFAULT(),
    OFFICE_HOURS_DEFAULT(),
    SHORT_CODE_DEFAULT(),
    MENU_DAILY(),
    DAILY_ASK("first", "last"),
    DAILY_QUIET("first", "last"),
    DAILY_ON("hour"),
    DAILY_OFF(),
    UNREADABLE(),
    MORE();

    private final Set<String> placeholders;

    MessageKey(String... placeholders) {
        this.placeholders = Set.of(placeholders);
    }

    /** Placeholders the text must contain; no others are allowed. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** The key as written in the YAML files, e.g. {@code quiz_wrong_retry}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
