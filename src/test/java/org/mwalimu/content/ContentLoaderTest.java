package org.mwalimu.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "pt", "sw");
    private static final Path REAL_CONTENT = Path.of("content");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    /** A fresh, still valid copy of content/ that each test breaks in its own way. */
    private Path content;

    @BeforeEach
    void copyRealContent() throws IOException {
        content = tmp.resolve("content");
        try (Stream<Path> files = Files.walk(REAL_CONTENT)) {
            for (Path source : files.toList()) {
                Path target = content.resolve(REAL_CONTENT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    // ---- the real content ----------------------------------------------------------------------

    @Test
    void theRealContentLoads() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        assertEquals(LANGUAGES, catalog.languages().stream().map(LanguagePack::code).toList());
        assertEquals("en", catalog.defaultLanguage().code());
        assertTrue(catalog.courses().size() >= 2, "at least two courses");
    }

    @Test
    void theRealContentHasEveryTextInEveryLanguage() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        for (LanguagePack pack : catalog.languages()) {
            for (MessageKey key : MessageKey.values()) {
                assertFalse(pack.messages().get(key).isBlank(), () -> pack.code() + " " + key);
            }
            for (Command command : Command.values()) {
                assertFalse(pack.commands().get(command).isEmpty(), () -> pack.code() + " " + command);
            }
        }
        for (Course course : catalog.courses()) {
            assertFalse(course.lessons().isEmpty(), course.id());
            for (String language : LANGUAGES) {
                assertFalse(course.title().in(language).isBlank());
                assertFalse(course.summary().in(language).isBlank());
                for (Lesson lesson : course.lessons()) {
                    assertFalse(lesson.title().in(language).isBlank());
                    assertFalse(lesson.steps().isEmpty());
                    lesson.steps().forEach(step -> assertFalse(step.in(language).isBlank()));
                    Quiz quiz = lesson.quiz();
                    assertTrue(quiz.answer() >= 1 && quiz.answer() <= quiz.options().size());
                    assertFalse(quiz.question().in(language).isBlank());
                    assertFalse(quiz.rightOption().in(language).isBlank());
                    assertFalse(quiz.hint().in(language).isBlank());
                    assertFalse(quiz.explanation().in(language).isBlank());
                }
            }
        }
    }

    @Test
    void coursesAreInMenuOrderAndHaveUniqueIds() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        List<Integer> orders = catalog.courses().stream().map(Course::order).toList();
        assertEquals(orders.stream().sorted().toList(), orders);
        assertEquals(catalog.courses().size(), catalog.courses().stream().map(Course::id).distinct().count());
        catalog.courses().forEach(c -> assertEquals(c, catalog.course(c.id()).orElseThrow()));
    }

    @Test
    void systemMessagesFillTheirPlaceholders() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        for (String language : LANGUAGES) {
            String text = catalog.message(language, MessageKey.CHOOSE_NUMBER, java.util.Map.of("max", "42"));
            assertTrue(text.contains("42"), text);
            assertFalse(text.contains("{max}"), text);
        }
    }

    @Test
    void theUntouchedCopyLoadsToo() throws Exception {
        assertEquals(loader().load(REAL_CONTENT).courses().size(), loader().load(content).courses().size());
    }

    // ---- broken copies ---------------------------------------------------------------------------

    @Test
    void aStepMissingOneTranslationIsReported() {
        Path file = firstCourseFile();
        edit(file, root -> ((ObjectNode) root.at("/lessons/0/steps/1")).remove("sw"));

        InvalidContentException e = loadFails();

        assertOnlyProblem(e, file, "lessons[0].steps[1].sw", "text is missing");
    }

    @Test
    void aBlankTranslationCountsAsMissing() {
        Path file = firstCourseFile();
        edit(file, root -> ((ObjectNode) root.path("title")).put("fr", "   "));

        assertOnlyProblem(loadFails(), file, "title.fr", "text is missing");
    }

    @Test
    void anUnknownPlaceholderInASystemMessageIsReported() {
        Path file = systemFile("fr");
        edit(file, root -> {
            ObjectNode messages = (ObjectNode) root.path("messages");
            messages.put("welcome", messages.path("welcome").asText() + " {foo}");
        });

        assertOnlyProblem(loadFails(), file, "messages.welcome", "unknown placeholder {foo}");
    }

    @Test
    void aSystemMessageMissingARequiredPlaceholderIsReported() {
        Path file = systemFile("pt");
        edit(file, root -> {
            ObjectNode messages = (ObjectNode) root.path("messages");
            messages.put("choose_number", messages.path("choose_number").asText().replace("{max}", "3"));
        });

        assertOnlyProblem(loadFails(), file, "messages.choose_number", "must contain the placeholder {max}");
    }

    @Test
    void aMissingSystemMessageIsReported() {
        Path file = systemFile("sw");
        edit(file, root -> ((ObjectNode) root.path("messages")).remove("quiz_pending"));

        assertOnlyProblem(loadFails(), file, "messages.quiz_pending", "text is missing");
    }

    @Test
    void aPlaceholderInCourseTextIsReported() {
        Path file = firstCourseFile();
        edit(file, root -> {
            ObjectNode step = (ObjectNode) root.at("/lessons/0/steps/0");
            step.put("en", step.path("en").asText() + " {name}");
        });

        assertOnlyProblem(loadFails(), file, "lessons[0].steps[0].en", "unknown placeholder {name}");
    }

    @Test
    void aQuizAnswerThatIsNotAnOptionNumberIsReported() {
        Path file = firstCourseFile();
        int[] options = new int[1];
        edit(file, root -> {
            ObjectNode quiz = (ObjectNode) root.at("/lessons/0/quiz");
            options[0] = quiz.path("options").size();
            quiz.put("answer", 9);
        });

        assertOnlyProblem(loadFails(), file, "lessons[0].quiz.answer", "1 to " + options[0]);
    }

    @Test
    void aQuizAnswerOfZeroIsReported() {
        Path file = firstCourseFile();
        edit(file, root -> ((ObjectNode) root.at("/lessons/0/quiz")).put("answer", 0));

        assertOnlyProblem(loadFails(), file, "lessons[0].quiz.answer", "must be the number of an option");
    }

    @Test
    void repeatedQuizOptionsAreReportedPerLanguage() {
        Path file = firstCourseFile();
        edit(file, root -> {
            ArrayNode options = (ArrayNode) root.at("/lessons/1/quiz/options");
            options.set(1, options.get(0).deepCopy());
        });

        InvalidContentException e = loadFails();

        for (String language : LANGUAGES) {
            assertHasProblem(e, file, "lessons[1].quiz.options." + language, "is repeated");
        }
        assertEquals(LANGUAGES.size(), e.problems().size(), () -> e.problems().toString());
    }

    @Test
    void optionsDifferingOnlyInCaseCountAsRepeated() {
        Path file = firstCourseFile();
        edit(file, root -> {
            ArrayNode options = (ArrayNode) root.at("/lessons/0/quiz/options");
            ((ObjectNode) options.get(1)).put("en", options.get(0).path("en").asText().toUpperCase(Locale.ROOT));
        });

        assertOnlyProblem(loadFails(), file, "lessons[0].quiz.options.en", "is repeated");
    }

    @Test
    void optionsDifferingOnlyInAccentsCountAsRepeated() {
        Path file = firstCourseFile();
        edit(file, root -> {
            ArrayNode options = (ArrayNode) root.at("/lessons/0/quiz/options");
            ((ObjectNode) options.get(0)).put("fr", "Cafe");
            ((ObjectNode) options.get(1)).put("fr", "Café");
        });

        assertOnlyProblem(loadFails(), file, "lessons[0].quiz.options.fr", "is repeated");
    }

    @Test
    void anOptionThatIsACommandWordIsReported() {
        Path file = firstCourseFile();
        edit(file, root -> ((ObjectNode) root.at("/lessons/1/quiz/options/0")).put("en", "Menu"));

        assertOnlyProblem(loadFails(), file, "lessons[1].quiz.options.en", "is also a command word");
    }

    @Test
    void aKeywordMeaningTwoCommandsIsReported() {
        Path file = systemFile("fr");
        edit(file, root -> ((ArrayNode) root.path("commands").path("next")).add("stop"));

        assertOnlyProblem(loadFails(), file, "commands.next", "already means STOP");
    }

    @Test
    void aQuizWithASingleOptionIsReported() {
        Path file = firstCourseFile();
        edit(file, root -> {
            ArrayNode options = (ArrayNode) root.at("/lessons/0/quiz/options");
            while (options.size() > 1) {
                options.remove(options.size() - 1);
            }
            ((ObjectNode) root.at("/lessons/0/quiz")).put("answer", 1);
        });

        assertOnlyProblem(loadFails(), file, "lessons[0].quiz.options", "needs 2 to 9 options");
    }

    @Test
    void aLessonWithoutQuizIsReported() {
        Path file = firstCourseFile();
        edit(file, root -> ((ObjectNode) root.at("/lessons/0")).remove("quiz"));

        assertHasProblem(loadFails(), file, "lessons[0].quiz", "every lesson needs a quiz");
    }

    @Test
    void duplicateCourseIdsAreReported() throws IOException {
        Path original = firstCourseFile();
        String id = yaml.readTree(original.toFile()).path("id").asText();
        Path copy = content.resolve("courses").resolve("zz-copy.yaml");
        Files.copy(original, copy);
        edit(copy, root -> ((ObjectNode) root).put("order", 99));

        assertOnlyProblem(loadFails(), content.resolve("courses"), "id", "duplicate course id '" + id + "'");
    }

    @Test
    void duplicateCourseOrdersAreReported() throws IOException {
        Path original = firstCourseFile();
        int order = yaml.readTree(original.toFile()).path("order").asInt();
        Path copy = content.resolve("courses").resolve("zz-copy.yaml");
        Files.copy(original, copy);
        edit(copy, root -> ((ObjectNode) root).put("id", "another-course"));

        assertOnlyProblem(loadFails(), content.resolve("courses"), "order", "duplicate course order '" + order + "'");
    }

    @Test
    void aBadCourseIdIsReported() throws IOException {
        Path file = firstCourseFile();
        String id = yaml.readTree(file.toFile()).path("id").asText();
        edit(file, root -> ((ObjectNode) root).put("id", "Bad Id"));

        InvalidContentException e = loadFails();

        assertHasProblem(e, file, "id", "lower-case letters, digits and hyphens");
        // The answers that offered the course under its old id now name no course.
        List<Path> offering = answersNaming(id);
        assertFalse(offering.isEmpty(), "the real content offers every course with some answer");
        offering.forEach(answer -> assertHasProblem(e, answer, "lesson", "no course has the id '" + id + "'"));
        assertEquals(1 + offering.size(), e.problems().size(), () -> e.problems().toString());
    }

    @Test
    void duplicateLessonIdsAreReported() {
        Path file = firstCourseFile();
        edit(file, root -> {
            String first = root.at("/lessons/0/id").asText();
            ((ObjectNode) root.at("/lessons/1")).put("id", first);
        });

        assertOnlyProblem(loadFails(), file, "lessons", "duplicate lesson id");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithTheFile() throws IOException {
        Path file = firstCourseFile();
        String id = yaml.readTree(file.toFile()).path("id").asText();
        Files.writeString(file, Files.readString(file) + "\n  broken: [unclosed\n");

        InvalidContentException e = loadFails();

        assertOnlyProblemBesidesLessons(e, file, "-", "not valid YAML", Set.of(id));
    }

    @Test
    void aSystemFileThatIsNotAMappingIsReported() throws IOException {
        Path file = systemFile("fr");
        Files.writeString(file, "- just\n- a list\n");

        assertOnlyProblem(loadFails(), file, "-", "must be a YAML mapping");
    }

    @Test
    void aMissingSystemFileIsReported() throws IOException {
        Path file = systemFile("sw");
        Files.delete(file);

        assertOnlyProblem(loadFails(), file, "-", "file is missing");
    }

    @Test
    void aSystemFileForTheWrongLanguageIsReported() {
        Path file = systemFile("pt");
        edit(file, root -> ((ObjectNode) root).put("language", "es"));

        assertOnlyProblem(loadFails(), file, "language", "must be 'pt'");
    }

    @Test
    void aCommandWithoutKeywordsIsReported() {
        Path file = systemFile("en");
        edit(file, root -> ((ObjectNode) root.path("commands")).putArray("stop"));

        assertOnlyProblem(loadFails(), file, "commands.stop", "at least one keyword");
    }

    @Test
    void noCourseAtAllIsReported() throws IOException {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(content.resolve("courses"))) {
            for (Path file : files.toList()) {
                ids.add(yaml.readTree(file.toFile()).path("id").asText());
                Files.delete(file);
            }
        }

        assertOnlyProblemBesidesLessons(loadFails(), content.resolve("courses"), "-", "no course file found", ids);
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path course = firstCourseFile();
        edit(course, root -> {
            ((ObjectNode) root.at("/lessons/0/steps/1")).remove("sw");
            ((ObjectNode) root.at("/lessons/0/quiz")).put("answer", 9);
        });
        Path french = systemFile("fr");
        edit(french, root -> {
            ObjectNode messages = (ObjectNode) root.path("messages");
            messages.put("welcome", messages.path("welcome").asText() + " {foo}");
        });
        Files.delete(systemFile("sw"));

        InvalidContentException e = loadFails();

        assertHasProblem(e, course, "lessons[0].steps[1].sw", "text is missing");
        assertHasProblem(e, course, "lessons[0].quiz.answer", "must be the number of an option");
        assertHasProblem(e, french, "messages.welcome", "unknown placeholder {foo}");
        assertHasProblem(e, systemFile("sw"), "-", "file is missing");
        assertEquals(4, e.problems().size(), () -> e.problems().toString());
        for (ContentProblem p : e.problems()) {
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }

    // ---- answers to e-service questions ----------------------------------------------------------

    @Test
    void theRealContentHas33AnswersEachUnderItsOwnIntent() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        assertEquals(33, catalog.answers().size());
        try (Stream<Path> files = Files.list(REAL_CONTENT.resolve("answers"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            assertEquals(names, catalog.answers().keySet().stream().sorted().toList(), "one answer per file, named after its intent");
        }
        catalog.answers().forEach((intent, answer) -> {
            assertEquals(intent, answer.intent());
            assertEquals(answer, catalog.answer(intent).orElseThrow());
            for (String language : LANGUAGES) {
                assertFalse(answer.title().in(language).isBlank(), intent + " " + language);
                assertFalse(answer.text().in(language).isBlank(), intent + " " + language);
                assertTrue(ContentLoader.COUNTRY_PLACEHOLDERS.containsAll(Templates.placeholdersIn(answer.text().in(language))),
                        intent + " " + language);
            }
            answer.course().ifPresent(id -> assertTrue(catalog.course(id).isPresent(), intent + " -> " + id));
        });
        assertTrue(catalog.answers().values().stream().anyMatch(a -> a.course().isPresent()), "some answers offer a lesson");
        assertTrue(catalog.answer("no.such_intent").isEmpty());
    }

    @Test
    void anAnswerKeepsItsLessonAndTexts() throws Exception {
        Path file = answerFile("account.password_reset");
        JsonNode raw = yaml.readTree(file.toFile());

        Answer answer = loader().load(content).answer("account.password_reset").orElseThrow();

        assertEquals(raw.path("lesson").asText(), answer.course().orElseThrow());
        for (String language : LANGUAGES) {
            assertEquals(raw.path("title").path(language).asText().strip(), answer.title().in(language));
            assertEquals(raw.path("text").path(language).asText().strip(), answer.text().in(language));
        }
    }

    @Test
    void everyCountryPlaceholderIsAllowedInAnAnswer() throws Exception {
        Path file = answerFile("id.national_id");
        edit(file, root -> ((ObjectNode) root.path("text"))
                .put("pt", "{portal_url} {helpline} {office_hours} {short_code}"));

        Answer answer = loader().load(content).answer("id.national_id").orElseThrow();

        assertEquals("{portal_url} {helpline} {office_hours} {short_code}", answer.text().in("pt"));
    }

    @Test
    void anAnswerWithoutALessonHasNoCourse() throws Exception {
        Path file = answerFile("account.password_reset");
        edit(file, root -> ((ObjectNode) root).remove("lesson"));

        assertTrue(loader().load(content).answer("account.password_reset").orElseThrow().course().isEmpty());
    }

    @Test
    void anUnknownPlaceholderInAnAnswerIsReported() {
        Path file = answerFile("id.national_id");
        edit(file, root -> {
            ObjectNode text = (ObjectNode) root.path("text");
            text.put("fr", text.path("fr").asText() + " {phone_number}");
        });

        assertOnlyProblem(loadFails(), file, "text.fr", "unknown placeholder {phone_number}");
    }

    @Test
    void aPlaceholderInAnAnswerTitleIsReported() {
        Path file = answerFile("id.national_id");
        edit(file, root -> ((ObjectNode) root.path("title")).put("en", "ID at {portal_url}"));

        assertOnlyProblem(loadFails(), file, "title.en", "unknown placeholder {portal_url}");
    }

    @Test
    void anAnswerTextMissingATranslationIsReported() {
        Path file = answerFile("complaint.feedback");
        edit(file, root -> ((ObjectNode) root.path("text")).remove("sw"));

        assertOnlyProblem(loadFails(), file, "text.sw", "text is missing");
    }

    @Test
    void anAnswerTitleMissingATranslationIsReported() {
        Path file = answerFile("complaint.feedback");
        edit(file, root -> ((ObjectNode) root.path("title")).put("pt", " "));

        assertOnlyProblem(loadFails(), file, "title.pt", "text is missing");
    }

    @Test
    void anAnswerWithoutTextIsReported() {
        Path file = answerFile("bot.thanks");
        edit(file, root -> ((ObjectNode) root).remove("text"));

        assertOnlyProblem(loadFails(), file, "text", "needs a text in each of");
    }

    @Test
    void aBadIntentIdIsReported() {
        Path file = answerFile("id.passport");
        edit(file, root -> ((ObjectNode) root).put("intent", "Passport Renewal"));

        assertOnlyProblem(loadFails(), file, "intent", "must be an intent id");
    }

    @Test
    void anIntentIdWithoutADomainIsReported() {
        Path file = answerFile("id.passport");
        edit(file, root -> ((ObjectNode) root).put("intent", "passport"));

        assertOnlyProblem(loadFails(), file, "intent", "must be an intent id");
    }

    @Test
    void anAnswerWithoutIntentIsReported() {
        Path file = answerFile("id.passport");
        edit(file, root -> ((ObjectNode) root).remove("intent"));

        assertOnlyProblem(loadFails(), file, "intent", "must be an intent id");
    }

    @Test
    void aLessonNamingNoCourseIsReported() {
        Path file = answerFile("account.password_reset");
        edit(file, root -> ((ObjectNode) root).put("lesson", "no-such-course"));

        assertOnlyProblem(loadFails(), file, "lesson", "no course has the id 'no-such-course'");
    }

    @Test
    void aDuplicateIntentIsReportedOnTheSecondFile() throws IOException {
        Path copy = content.resolve("answers").resolve("zz-copy.yaml");
        Files.copy(answerFile("id.passport"), copy);

        assertOnlyProblem(loadFails(), copy, "intent", "duplicate answer for 'id.passport'");
    }

    @Test
    void anAnswerFileThatIsNotAMappingIsReported() throws IOException {
        Path file = answerFile("bot.greeting");
        Files.writeString(file, "- hello\n");

        assertOnlyProblem(loadFails(), file, "-", "must be a YAML mapping");
    }

    @Test
    void contentWithoutAnAnswersFolderLoadsWithNoAnswers() throws Exception {
        try (Stream<Path> files = Files.list(content.resolve("answers"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(content.resolve("answers"));

        assertEquals(Map.of(), loader().load(content).answers());
    }

    @Test
    void anAnswerOverTwoSmsSegmentsAsSentIsReported() {
        Path file = answerFile("account.password_reset");
        // 289 GSM-7 characters with the neutral portal wording: 2 segments alone, 3 with the "Reply LEARN" line.
        edit(file, root -> ((ObjectNode) root.path("text")).put("en", "Open {portal_url}. " + "Tap here. ".repeat(24)));

        assertOnlyProblem(loadFails(), file, "text.en", "SMS segments with the neutral country wording; the limit is 2");
    }

    @Test
    void aPortugueseAnswerMayTakeThreeSegmentsButNotFour() throws Exception {
        Path file = answerFile("bot.greeting");
        // No lesson line: 190 characters with an accent are 3 UCS-2 segments, 210 are 4.
        edit(file, root -> ((ObjectNode) root.path("text")).put("pt", "Olá! " + "x".repeat(185)));
        assertTrue(loader().load(content).answer("bot.greeting").isPresent());

        edit(file, root -> ((ObjectNode) root.path("text")).put("pt", "Olá! " + "x".repeat(205)));
        assertOnlyProblem(loadFails(), file, "text.pt", "the limit is 3");
    }

    @Test
    void answerProblemsAreReportedWithTheOthers() {
        Path passport = answerFile("id.passport");
        edit(passport, root -> ((ObjectNode) root).put("intent", "bad id"));
        Path reset = answerFile("account.password_reset");
        edit(reset, root -> {
            ((ObjectNode) root).put("lesson", "no-such-course");
            ((ObjectNode) root.path("text")).put("en", "Call {helpline} or {hotline}.");
        });
        Path course = firstCourseFile();
        edit(course, root -> ((ObjectNode) root.path("title")).remove("fr"));

        InvalidContentException e = loadFails();

        assertHasProblem(e, passport, "intent", "must be an intent id");
        assertHasProblem(e, reset, "lesson", "no course has the id 'no-such-course'");
        assertHasProblem(e, reset, "text.en", "unknown placeholder {hotline}");
        assertHasProblem(e, course, "title.fr", "text is missing");
        assertEquals(4, e.problems().size(), () -> e.problems().toString());
    }

    // ---- USSD forms of the system messages -------------------------------------------------------

    @Test
    void theRealUssdFormsDifferFromTheTextOnes() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        for (LanguagePack pack : catalog.languages()) {
            assertFalse(pack.ussdMessages().isEmpty(), pack.code());
            pack.ussdMessages().forEach((key, ussd) -> {
                assertFalse(ussd.equals(pack.messages().get(key)), () -> pack.code() + " " + key);
                assertEquals(ussd, pack.message(key, Surface.USSD), () -> pack.code() + " " + key);
                assertEquals(pack.messages().get(key), pack.message(key, Surface.TEXT), () -> pack.code() + " " + key);
            });
        }
    }

    @Test
    void anUnknownUssdKeyIsReported() {
        Path file = systemFile("fr");
        edit(file, root -> ((ObjectNode) root.path("ussd")).put("stepp", "{text}\n1 Suite"));

        assertOnlyProblem(loadFails(), file, "ussd.stepp", "is not a message name");
    }

    @Test
    void anUnknownPlaceholderInAUssdFormIsReported() {
        Path file = systemFile("sw");
        edit(file, root -> ((ObjectNode) root.path("ussd")).put("lesson_done", "Somo {n}: {title} {course}"));

        assertOnlyProblem(loadFails(), file, "ussd.lesson_done", "unknown placeholder {course}");
    }

    @Test
    void aUssdFormMissingARequiredPlaceholderIsReported() {
        Path file = systemFile("en");
        edit(file, root -> ((ObjectNode) root.path("ussd")).put("quiz", "{question}\nChoose {letters}."));

        assertOnlyProblem(loadFails(), file, "ussd.quiz", "must contain the placeholder {options}");
    }

    @Test
    void aUssdFormThatIsNotATextIsReported() {
        Path file = systemFile("pt");
        edit(file, root -> ((ObjectNode) root.path("ussd")).putArray("help").add("1 Seguinte"));

        assertOnlyProblem(loadFails(), file, "ussd.help", "text is missing");
    }

    @Test
    void anEmptyUssdFormIsAcceptedAndLeavesTheLineOut() throws Exception {
        Path file = systemFile("en");
        edit(file, root -> ((ObjectNode) root.path("ussd")).put("help", "").put("step", ""));

        Catalog catalog = loader().load(content);

        LanguagePack english = catalog.language("en").orElseThrow();
        assertEquals("", english.message(MessageKey.HELP, Surface.USSD));
        assertEquals("", catalog.message("en", MessageKey.STEP, Map.of("text", "x"), Surface.USSD),
                "an empty form needs none of its placeholders");
        assertFalse(english.message(MessageKey.HELP, Surface.TEXT).isEmpty(), "the text form is untouched");
    }

    @Test
    void theRealEmptyMenuFooterIsKept() throws Exception {
        Catalog catalog = loader().load(REAL_CONTENT);

        for (LanguagePack pack : catalog.languages()) {
            assertEquals("", pack.message(MessageKey.MENU_FOOTER, Surface.USSD), pack.code());
            assertFalse(pack.message(MessageKey.MENU_FOOTER, Surface.TEXT).isEmpty(), pack.code());
        }
    }

    @Test
    void aLanguageWithoutUssdFormsUsesTheTextForms() throws Exception {
        LanguagePack real = loader().load(REAL_CONTENT).language("pt").orElseThrow();
        LanguagePack portuguese = new LanguagePack(real.code(), real.name(), real.commands(), real.messages(), Map.of());

        for (MessageKey key : MessageKey.values()) {
            assertEquals(portuguese.message(key, Surface.TEXT), portuguese.message(key, Surface.USSD), key.name());
        }
    }

    @Test
    void aUssdFormOverridesOnlyItsOwnKey() throws Exception {
        Path file = systemFile("fr");
        edit(file, root -> ((ObjectNode) root.path("ussd")).put("daily_off", "Leçons du jour : non"));

        LanguagePack french = loader().load(content).language("fr").orElseThrow();
        LanguagePack real = loader().load(REAL_CONTENT).language("fr").orElseThrow();

        assertEquals("Leçons du jour : non", french.message(MessageKey.DAILY_OFF, Surface.USSD));
        assertEquals(real.message(MessageKey.DAILY_OFF, Surface.TEXT), french.message(MessageKey.DAILY_OFF, Surface.TEXT));
        for (MessageKey key : MessageKey.values()) {
            if (key != MessageKey.DAILY_OFF) {
                assertEquals(real.message(key, Surface.USSD), french.message(key, Surface.USSD), key.name());
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private ContentLoader loader() {
        return new ContentLoader(LANGUAGES);
    }

    private InvalidContentException loadFails() {
        return assertThrows(InvalidContentException.class, () -> loader().load(content));
    }

    private Path systemFile(String language) {
        return content.resolve("system").resolve(language + ".yaml");
    }

    private Path answerFile(String intent) {
        return content.resolve("answers").resolve(intent + ".yaml");
    }

    private Path firstCourseFile() {
        try (Stream<Path> files = Files.list(content.resolve("courses"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a YAML file after changing its tree; the rest of the file stays valid. */
    private void edit(Path file, Consumer<JsonNode> change) {
        try {
            JsonNode root = yaml.readTree(file.toFile());
            change.accept(root);
            yaml.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer files of the copy whose {@code lesson} is {@code courseId}. */
    private List<Path> answersNaming(String courseId) {
        try (Stream<Path> files = Files.list(content.resolve("answers"))) {
            List<Path> naming = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                if (yaml.readTree(file.toFile()).path("lesson").asText().equals(courseId)) {
                    naming.add(file);
                }
            }
            return naming;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one problem, apart from answers whose lesson names one of {@code courseIds} (a course that
     * could not be read): the loader may or may not report those as well.
     */
    private void assertOnlyProblemBesidesLessons(InvalidContentException e, Path file, String field, String reason,
                                                 Set<String> courseIds) {
        assertHasProblem(e, file, field, reason);
        List<ContentProblem> others = e.problems().stream()
                .filter(p -> !(Path.of(p.file()).equals(file) && p.field().equals(field))).toList();
        for (ContentProblem p : others) {
            assertTrue(p.field().equals("lesson") && Path.of(p.file()).getParent().equals(content.resolve("answers"))
                    && courseIds.stream().anyMatch(id -> p.reason().equals("no course has the id '" + id + "'")),
                    () -> "unexpected problem " + p + " among " + e.problems());
        }
        assertEquals(1, e.problems().size() - others.size(), () -> e.problems().toString());
    }

    private static void assertOnlyProblem(InvalidContentException e, Path file, String field, String reason) {
        assertHasProblem(e, file, field, reason);
        assertEquals(1, e.problems().size(), () -> "expected exactly one problem, got " + e.problems());
    }

    private static void assertHasProblem(InvalidContentException e, Path file, String field, String reason) {
        assertTrue(e.problems().stream().anyMatch(p -> Path.of(p.file()).equals(file)
                        && p.field().equals(field) && p.reason().contains(reason)),
                () -> "expected " + file + ": " + field + ": ..." + reason + "... among " + e.problems());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
