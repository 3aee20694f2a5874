package org.mwalimu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mwalimu.channel.OutboundMessage;
import org.mwalimu.channel.WhatsAppCloudAdapter;
import org.mwalimu.channel.WhatsAppSettings;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.ContentReport;
import org.mwalimu.content.Course;
import org.mwalimu.content.LanguagePack;
import org.mwalimu.content.LessonScreens;
import org.mwalimu.content.Lesson;
import org.mwalimu.content.SmsEncoding;
import org.mwalimu.content.Surface;

/**
 * Every step and quiz of every course in every language, rendered as the SMS, WhatsApp and USSD
 * channels send it, within the limits — so a bad edit fails the build.
 */
class ContentRenderingTest {

    private static final int USSD_SCREEN = 182;
    private static Catalog catalog;
    private static LessonScreens screens;
    private static final SmsEncoding SMS = new SmsEncoding(false);

    @BeforeAll
    static void load() throws Exception {
        catalog = new ContentLoader(List.of("en", "fr", "pt", "sw")).load(Path.of("content"));
        screens = new LessonScreens(catalog, Map.of());
    }

    @Test
    void theRealContentHasNoErrors() {
        ContentReport report = new ContentLoader(List.of("en", "fr", "pt", "sw")).check(Path.of("content"));
        assertEquals(List.of(), report.errors());
        assertTrue(report.courses() >= 8, "at least eight courses: " + report.courses());
        assertEquals(report.lessons(), report.quizzes(), "one quiz per lesson");
    }

    @Test
    void everyStepFitsItsSmsSegmentsAndItsUssdScreen() {
        forEveryStep((language, course, lesson, step) -> {
            String sms = SMS.prepare(screens.step(language, course, lesson, step, step == 0, Surface.TEXT));
            int limit = language.equals("pt") ? 3 : 2;
            assertTrue(SMS.segments(sms).count() <= limit, () -> where(course, lesson, step, language)
                    + " is " + SMS.segments(sms).count() + " SMS segments: " + sms);
            String ussd = screens.step(language, course, lesson, step, step == 0, Surface.USSD);
            assertTrue(ussd.length() <= USSD_SCREEN, () -> where(course, lesson, step, language) + " USSD screen is "
                    + ussd.length() + " characters: " + ussd);
            assertTrue(!sms.contains("{") && !ussd.contains("{"), () -> where(course, lesson, step, language) + " has an unfilled placeholder");
        });
    }

    @Test
    void everyQuizFitsUssdAndBecomesAValidWhatsAppMessage() throws Exception {
        WhatsAppCloudAdapter whatsapp = new WhatsAppCloudAdapter();
        WhatsAppSettings settings = new WhatsAppSettings("1055", "token", "secret", "verify");
        ObjectMapper json = new ObjectMapper();
        for (Course course : catalog.courses()) {
            for (Lesson lesson : course.lessons()) {
                for (String language : languages()) {
                    String ussd = screens.quiz(language, lesson.quiz(), Surface.USSD);
                    assertTrue(ussd.length() <= USSD_SCREEN, course.id() + "/" + lesson.id() + " " + language
                            + " USSD quiz is " + ussd.length() + " characters");
                    List<OutboundMessage.Choice> choices = IntStream.range(0, lesson.quiz().options().size())
                            .mapToObj(i -> new OutboundMessage.Choice(String.valueOf((char) ('a' + i)),
                                    lesson.quiz().options().get(i).in(language))).toList();
                    String text = screens.quiz(language, lesson.quiz(), Surface.TEXT);
                    JsonNode body = json.readTree(whatsapp.send(settings, new OutboundMessage("+255700000001", text, choices)).body());
                    assertWhatsAppLimits(body, course.id() + "/" + lesson.id() + " " + language);
                }
            }
        }
    }

    private static void assertWhatsAppLimits(JsonNode body, String where) {
        String type = body.path("type").asText();
        if (type.equals("text")) {
            assertTrue(body.path("text").path("body").asText().length() <= 4096, where);
            return;
        }
        JsonNode interactive = body.path("interactive");
        assertTrue(interactive.path("body").path("text").asText().length() <= 1024, where);
        if (interactive.path("type").asText().equals("button")) {
            JsonNode buttons = interactive.path("action").path("buttons");
            assertTrue(buttons.size() <= 3, where);
            buttons.forEach(b -> assertTrue(b.path("reply").path("title").asText().length() <= 20, where));
        } else {
            JsonNode rows = interactive.path("action").path("sections").get(0).path("rows");
            assertTrue(rows.size() <= 10, where);
            rows.forEach(r -> assertTrue(r.path("title").asText().length() <= 24, where));
        }
    }

    private interface StepCheck {
        void check(String language, Course course, int lesson, int step);
    }

    private static void forEveryStep(StepCheck check) {
        for (Course course : catalog.courses()) {
            for (int l = 0; l < course.lessons().size(); l++) {
                for (int s = 0; s < course.lessons().get(l).steps().size(); s++) {
                    for (String language : languages()) {
                        check.check(language, course, l, s);
                    }
                }
            }
        }
    }

    private static List<String> languages() {
        return catalog.languages().stream().map(LanguagePack::code).toList();
    }

    private static String where(Course course, int lesson, int step, String language) {
        return course.id() + " lesson " + (lesson + 1) + " step " + (step + 1) + " (" + language + ")";
    }
}
