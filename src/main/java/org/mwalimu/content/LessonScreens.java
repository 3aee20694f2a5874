package org.mwalimu.content;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How a lesson step and a quiz look on each surface. The conversation engine sends exactly these
 * texts, and content validation measures exactly these texts.
 */
public final class LessonScreens {

    private final Catalog catalog;
    private final Map<String, String> country;

    /** @param country the deployment's portal_url, helpline, office_hours and short_code, where set */
    public LessonScreens(Catalog catalog, Map<String, String> country) {
        this.catalog = catalog;
        this.country = Map.copyOf(country);
    }

    /** A step as sent: the lesson's title line before its first step (or when asked), then the step. */
    public String step(String language, Course course, int lesson, int step, boolean withIntro, Surface surface) {
        Lesson l = course.lessons().get(lesson);
        String text = catalog.message(language, MessageKey.STEP,
                Map.of("text", Templates.fill(l.steps().get(step).in(language), countryValues(language))), surface);
        if (step != 0 && !withIntro) {
            return text;
        }
        String intro = catalog.message(language, MessageKey.LESSON_INTRO, Map.of("n", String.valueOf(lesson + 1),
                "total", String.valueOf(course.lessons().size()), "title", l.title().in(language)), surface);
        return intro + "\n" + text;
    }

    /** A quiz question with its options, lettered in messages and numbered on USSD keypads. */
    public String quiz(String language, Quiz quiz, Surface surface) {
        String options = IntStream.rangeClosed(1, quiz.options().size())
                .mapToObj(i -> catalog.message(language, MessageKey.QUIZ_OPTION, Map.of("letter", optionLabel(i, surface),
                        "text", quiz.options().get(i - 1).in(language)), surface))
                .collect(Collectors.joining("\n"));
        return catalog.message(language, MessageKey.QUIZ, Map.of("question", quiz.question().in(language),
                "options", options, "letters", letters(quiz, surface)), surface);
    }

    /** "A/B/C", or "1/2/3" on USSD. */
    public static String letters(Quiz quiz, Surface surface) {
        return IntStream.rangeClosed(1, quiz.options().size()).mapToObj(i -> optionLabel(i, surface))
                .collect(Collectors.joining("/"));
    }

    public static String optionLabel(int index, Surface surface) {
        return surface == Surface.USSD ? String.valueOf(index) : String.valueOf((char) ('A' + index - 1));
    }

    /** The country details, or the content's neutral words for the ones not set. */
    public Map<String, String> countryValues(String language) {
        Map<String, String> values = new HashMap<>();
        values.put("portal_url", country.getOrDefault("portal_url", catalog.message(language, MessageKey.PORTAL_DEFAULT)));
        values.put("helpline", country.getOrDefault("helpline", catalog.message(language, MessageKey.HELPLINE_DEFAULT)));
        values.put("office_hours", country.getOrDefault("office_hours",
                catalog.message(language, MessageKey.OFFICE_HOURS_DEFAULT)));
        values.put("short_code", country.getOrDefault("short_code", catalog.message(language, MessageKey.SHORT_CODE_DEFAULT)));
        return values;
    }
}
