package org.mwalimu.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The limits that keep lessons affordable and readable, measured on the texts exactly as they are
 * sent (the {@link LessonScreens}), with the neutral country wording filled in:
 * errors for a step message or an answer over 2 SMS segments (3 in Portuguese, whose accents often
 * need UCS-2) and for a USSD screen over 182 characters; warnings for a step text over one segment, a
 * sentence over 20 words and a translation much longer or shorter than the English.
 */
final class ContentLimits {

    static final int USSD_SCREEN = 182;
    private static final int MAX_SENTENCE_WORDS = 20;
    private static final double MAX_LENGTH_DIFFERENCE = 0.6;

    private final Catalog catalog;
    private final LessonScreens screens;
    private final SmsEncoding sms;

    /** @param foldAccents as the deployment sends SMS (MW_SMS_FOLD_ACCENTS) */
    ContentLimits(Catalog catalog, boolean foldAccents) {
        this.catalog = catalog;
        this.sms = new SmsEncoding(foldAccents);
        this.screens = new LessonScreens(catalog, Map.of());
    }

    static int maxSegments(String language) {
        return language.equals("pt") ? 3 : 2;
    }

    void check(Course course, Path file, BiConsumer<String, ContentProblem> report) {
        String f = file.toString();
        List<Lesson> lessons = course.lessons();
        for (int l = 0; l < lessons.size(); l++) {
            Lesson lesson = lessons.get(l);
            String path = "lessons[" + l + "]";
            for (int s = 0; s < lesson.steps().size(); s++) {
                String field = path + ".steps[" + s + "]";
                for (String language : languages()) {
                    String message = screens.step(language, course, l, s, s == 0, Surface.TEXT);
                    int segments = segments(message);
                    if (segments > maxSegments(language)) {
                        report.accept("error", new ContentProblem(f, field + "." + language, "the step is " + segments
                                + " SMS segments as sent; the limit is " + maxSegments(language)));
                    }
                    String screen = screens.step(language, course, l, s, s == 0, Surface.USSD);
                    if (screen.length() > USSD_SCREEN) {
                        report.accept("error", new ContentProblem(f, field + "." + language, "the USSD screen is "
                                + screen.length() + " characters; the limit is " + USSD_SCREEN));
                    }
                    String text = Templates.fill(lesson.steps().get(s).in(language), screens.countryValues(language));
                    if (segments(text) > 1) {
                        report.accept("warning", new ContentProblem(f, field + "." + language,
                                "the step text alone is more than one SMS segment"));
                    }
                }
                wording(lesson.steps().get(s), f, field, report);
            }
            for (String language : languages()) {
                String screen = screens.quiz(language, lesson.quiz(), Surface.USSD);
                if (screen.length() > USSD_SCREEN) {
                    report.accept("error", new ContentProblem(f, path + ".quiz." + language, "the USSD quiz screen is "
                            + screen.length() + " characters; the limit is " + USSD_SCREEN));
                }
            }
            wording(lesson.quiz().question(), f, path + ".quiz.question", report);
            wording(lesson.quiz().explanation(), f, path + ".quiz.explanation", report);
        }
    }

    /** An answer, with its lesson offer, must fit the step limit (country details in neutral words). */
    void check(Answer answer, Path file, BiConsumer<String, ContentProblem> report) {
        for (String language : languages()) {
            String text = Templates.fill(answer.text().in(language), screens.countryValues(language));
            String sent = answer.course().flatMap(catalog::course).map(course -> text + "\n" + catalog.message(language,
                    MessageKey.LEARN_OFFER, Map.of("course", course.title().in(language)))).orElse(text);
            int segments = segments(sent);
            if (segments > maxSegments(language)) {
                report.accept("error", new ContentProblem(file.toString(), "text." + language, "the answer as sent is "
                        + segments + " SMS segments with the neutral country wording; the limit is " + maxSegments(language)));
            }
        }
        wording(answer.text(), file.toString(), "text", report);
    }

    /** Long sentences, and translations far from the English in length. */
    private void wording(LocalizedText text, String f, String field, BiConsumer<String, ContentProblem> report) {
        String english = text.byLanguage().getOrDefault("en", "");
        for (String language : languages()) {
            String t = text.in(language);
            for (String sentence : t.split("[.!?]\\s")) {
                int words = sentence.isBlank() ? 0 : sentence.strip().split("\\s+").length;
                if (words > MAX_SENTENCE_WORDS) {
                    report.accept("warning", new ContentProblem(f, field + "." + language,
                            "a sentence of " + words + " words; keep them under " + MAX_SENTENCE_WORDS));
                }
            }
            if (!language.equals("en") && !english.isEmpty()
                    && Math.abs(t.length() - english.length()) > MAX_LENGTH_DIFFERENCE * english.length()) {
                report.accept("warning", new ContentProblem(f, field + "." + language, "the translation is "
                        + t.length() + " characters against " + english.length() + " in English"));
            }
        }
    }

    private List<String> languages() {
        return catalog.languages().stream().map(LanguagePack::code).toList();
    }

    private int segments(String text) {
        return sms.segments(sms.prepare(text)).count();
    }
}
