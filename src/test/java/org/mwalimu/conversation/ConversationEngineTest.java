package org.mwalimu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mwalimu.content.MessageKey.ALL_COURSES_DONE;
import static org.mwalimu.content.MessageKey.ASK_HELPLINE;
import static org.mwalimu.content.MessageKey.ASK_PROMPT;
import static org.mwalimu.content.MessageKey.NOT_UNDERSTOOD;
import static org.mwalimu.content.MessageKey.CHOOSE_LANGUAGE;
import static org.mwalimu.content.MessageKey.CHOOSE_NUMBER;
import static org.mwalimu.content.MessageKey.COURSE_DONE;
import static org.mwalimu.content.MessageKey.COURSE_SUMMARY;
import static org.mwalimu.content.MessageKey.DAILY_ASK;
import static org.mwalimu.content.MessageKey.DAILY_OFF;
import static org.mwalimu.content.MessageKey.DAILY_ON;
import static org.mwalimu.content.MessageKey.DAILY_QUIET;
import static org.mwalimu.content.MessageKey.DID_YOU_MEAN;
import static org.mwalimu.content.MessageKey.HELP;
import static org.mwalimu.content.MessageKey.HELPLINE_DEFAULT;
import static org.mwalimu.content.MessageKey.LANGUAGE_SET;
import static org.mwalimu.content.MessageKey.LEARN_OFFER;
import static org.mwalimu.content.MessageKey.LESSON_DONE;
import static org.mwalimu.content.MessageKey.LESSON_INTRO;
import static org.mwalimu.content.MessageKey.MENU_ASK;
import static org.mwalimu.content.MessageKey.MENU_DAILY;
import static org.mwalimu.content.MessageKey.MENU_FOOTER;
import static org.mwalimu.content.MessageKey.MENU_HEADER;
import static org.mwalimu.content.MessageKey.MENU_ITEM;
import static org.mwalimu.content.MessageKey.NEXT_COURSE_OFFER;
import static org.mwalimu.content.MessageKey.OFFICE_HOURS_DEFAULT;
import static org.mwalimu.content.MessageKey.PORTAL_DEFAULT;
import static org.mwalimu.content.MessageKey.QUIZ;
import static org.mwalimu.content.MessageKey.QUIZ_OPTION;
import static org.mwalimu.content.MessageKey.QUIZ_PENDING;
import static org.mwalimu.content.MessageKey.QUIZ_RIGHT;
import static org.mwalimu.content.MessageKey.QUIZ_WRONG_FINAL;
import static org.mwalimu.content.MessageKey.QUIZ_WRONG_RETRY;
import static org.mwalimu.content.MessageKey.RESTARTED;
import static org.mwalimu.content.MessageKey.RESUME;
import static org.mwalimu.content.MessageKey.SHORT_CODE_DEFAULT;
import static org.mwalimu.content.MessageKey.STEP;
import static org.mwalimu.content.MessageKey.STOPPED;
import static org.mwalimu.content.MessageKey.UNREADABLE;
import static org.mwalimu.content.MessageKey.WELCOME;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwalimu.content.Answer;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.Command;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.Course;
import org.mwalimu.content.LanguagePack;
import org.mwalimu.content.LocalizedText;
import org.mwalimu.content.Lesson;
import org.mwalimu.content.MessageKey;
import org.mwalimu.content.Quiz;
import org.mwalimu.content.Surface;
import org.mwalimu.content.Templates;
import org.mwalimu.conversation.ConversationEvent.CourseCompleted;
import org.mwalimu.conversation.ConversationEvent.LessonDelivered;
import org.mwalimu.conversation.ConversationEvent.OptedIn;
import org.mwalimu.conversation.ConversationEvent.OptedOut;
import org.mwalimu.conversation.ConversationEvent.QuestionAsked;
import org.mwalimu.conversation.ConversationEvent.QuestionUnanswered;
import org.mwalimu.conversation.ConversationEvent.QuizAnswered;
import org.mwalimu.conversation.ConversationEvent.UnansweredQuestion;
import org.mwalimu.conversation.QuestionAnswerer.Understanding;

/**
 * The dialogue rules, checked against the real content. Expected texts are built from the catalog so
 * that editors can change wording without breaking these tests.
 */
class ConversationEngineTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "pt", "sw");
    private static final String QUESTION = "How do I renew my national ID card?";
    /** Daily lessons may be sent from 07:00 to 20:59; 21:00 to 07:00 are quiet hours. */
    private static final IntPredicate DAILY_HOURS = h -> h >= 7 && h < 21;
    /** The {first} and {last} hours offered for {@link #DAILY_HOURS}. */
    private static final Map<String, String> DAILY_RANGE = Map.of("first", "7", "last", "20");
    /** Answers of the real content used below: two plain ones, one with three details, one with a lesson. */
    private static final String NATIONAL_ID = "id.national_id";
    private static final String PASSPORT = "id.passport";
    private static final String COMPLAINT = "complaint.feedback";
    private static final String PASSWORD_RESET = "account.password_reset";
    /** A deployment's country details, as the 4-argument constructor takes them. */
    private static final Map<String, String> COUNTRY = Map.of("portal_url", "https://eservices.example.go.tz",
            "helpline", "0800 110 110", "office_hours", "Monday to Friday 8:00-17:00", "short_code", "*152*00#");
    private static final Map<String, String> NO_COUNTRY = Map.of();
    /** The content's neutral words for each country detail that is not set. */
    private static final Map<String, MessageKey> NEUTRAL = Map.of("portal_url", PORTAL_DEFAULT,
            "helpline", HELPLINE_DEFAULT, "office_hours", OFFICE_HOURS_DEFAULT, "short_code", SHORT_CODE_DEFAULT);

    private static Catalog catalog;

    private ConversationEngine engine;
    private CitizenState state;
    private Turn last;
    /** How the citizen of the current test reads the replies; TEXT unless a test says otherwise. */
    private Surface surface = Surface.TEXT;

    @BeforeAll
    static void loadContent() throws Exception {
        catalog = new ContentLoader(LANGUAGES).load(Path.of("content"));
    }

    @BeforeEach
    void newCitizen() {
        engine = new ConversationEngine(catalog, new NoAnswers(), DAILY_HOURS);
        state = CitizenState.newcomer();
    }

    // ---- first contact and language ---------------------------------------------------------------

    @Test
    void firstContactGetsTheWelcomeAndTheLanguageChoice() {
        String reply = send("Hello");

        assertTrue(reply.startsWith(msg("en", WELCOME)), reply);
        for (int i = 0; i < catalog.languages().size(); i++) {
            LanguagePack pack = catalog.languages().get(i);
            assertTrue(reply.contains(msg(pack.code(), CHOOSE_LANGUAGE)), reply);
            assertTrue(reply.contains((i + 1) + " " + pack.name()), reply);
        }
        assertEquals(Stage.LANGUAGE, state.stage());
        assertFalse(state.hasLanguage());
        assertEquals(List.of(), last.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "Français", "francais", "FRANCAIS", " français! ", "fr"})
    void choosingFrenchSetsFrenchAndShowsTheFrenchMenu(String choice) {
        send("Hello");

        String reply = send(choice);

        assertEquals("fr", state.language());
        assertEquals(Stage.MENU, state.stage());
        assertTrue(reply.startsWith(msg("fr", LANGUAGE_SET)), reply);
        assertShowsMenu("fr", reply);
    }

    @Test
    void theLanguageCanBeChosenInTheVeryFirstMessage() {
        String reply = send("Kiswahili");

        assertEquals("sw", state.language());
        assertTrue(reply.startsWith(msg("sw", LANGUAGE_SET)), reply);
        assertShowsMenu("sw", reply);
    }

    @Test
    void anUnknownChoiceRepeatsTheLanguageQuestion() {
        send("Hello");

        String reply = send("Deutsch");

        assertFalse(state.hasLanguage());
        assertEquals(Stage.LANGUAGE, state.stage());
        assertTrue(reply.contains(msg("en", CHOOSE_LANGUAGE)), reply);
        assertFalse(reply.contains(msg("en", WELCOME)), reply);
    }

    @Test
    void helpBeforeChoosingALanguageAlsoOffersTheLanguages() {
        String reply = send("HELP");

        assertTrue(reply.startsWith(msg("en", HELP)), reply);
        assertTrue(reply.contains(msg("fr", CHOOSE_LANGUAGE)), reply);
        assertEquals(Stage.LANGUAGE, state.stage());
    }

    @Test
    void langSwitchesTheLanguage() {
        choose("en");

        String ask = send("LANG");
        assertEquals(Stage.LANGUAGE, state.stage());
        assertTrue(ask.contains(msg("pt", CHOOSE_LANGUAGE)), ask);

        String reply = send("Português");

        assertEquals("pt", state.language());
        assertTrue(reply.startsWith(msg("pt", LANGUAGE_SET)), reply);
        assertShowsMenu("pt", reply);
    }

    @Test
    void switchingLanguageMidCourseKeepsTheStepAndContinuesInTheNewLanguage() {
        choose("en");
        Course course = course(1);
        send("1");
        send("NEXT");

        send("lugha");
        send("4");
        String reply = send("ENDELEA");

        assertEquals("sw", state.language());
        assertTrue(reply.startsWith(msg("sw", RESUME, Map.of("course", course.title().in("sw")))), reply);
        assertTrue(reply.contains(step("sw", course, 0, 1)), reply);
        assertEquals(new CourseProgress(0, 1, false), state.progressIn(course.id()));
    }

    // ---- commands -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "fr, arrêt", "fr, ARRET", "fr, Arrêter", "fr, désinscrire", "fr, STOP",
            "pt, Parar", "pt, sair", "pt, FIM",
            "sw, acha", "sw, SITISHA", "sw, Komesha",
            "en, stop", "en, Stop!", "en, UNSUBSCRIBE", "en, quit"})
    void stopWordsOptOutWhateverTheCaseAndAccents(String language, String typed) {
        choose(language);

        String reply = send(typed);

        assertTrue(state.optedOut());
        assertEquals(msg(language, STOPPED), reply);
        assertEquals(List.of(new OptedOut()), last.events());
    }

    @ParameterizedTest
    @CsvSource({
            "fr, arrêt, STOP", "fr, Démarrer, START", "fr, reprendre, START", "fr, suite, NEXT",
            "fr, Suivant, NEXT", "fr, accueil, MENU", "fr, aide, HELP", "fr, Langue, LANG",
            "pt, Começar, START", "pt, recomeçar, START", "pt, Próximo, NEXT", "pt, Língua, LANG",
            "pt, ajuda, HELP", "pt, principal, MENU", "pt, sair, STOP",
            "sw, anza, START", "sw, Rejea, START", "sw, endelea, NEXT", "sw, msaada, HELP",
            "sw, Lugha, LANG", "sw, menyu, MENU", "sw, ACHA, STOP",
            "en, next, NEXT", "en, ok, NEXT", "en, Menu, MENU", "en, help, HELP", "en, yes, START",
            "en, Daily, DAILY", "en, daily off, DAILY_OFF", "fr, quotidien, DAILY", "fr, Quotidien non, DAILY_OFF",
            "pt, Diário, DAILY", "pt, diário não, DAILY_OFF", "sw, kila siku, DAILY", "sw, Kila Siku Acha, DAILY_OFF",
            "en, learn, LEARN", "en, Lesson, LEARN", "fr, apprendre, LEARN", "fr, Leçon, LEARN",
            "pt, Aprender, LEARN", "pt, aula, LEARN", "sw, jifunze, LEARN", "sw, Somo, LEARN"})
    void commandsAreUnderstoodWhateverTheCaseAndAccents(String language, String typed, Command expected) {
        assertEquals(expected, observedCommand(language, typed));
    }

    @Test
    void everyKeywordOfEveryLanguageIsUnderstoodInLowerAndMixedCase() {
        List<String> failures = new ArrayList<>();
        for (LanguagePack pack : catalog.languages()) {
            pack.commands().forEach((command, words) -> {
                for (String word : words) {
                    String lower = word.toLowerCase(Locale.ROOT);
                    String mixed = lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
                    for (String typed : List.of(word, lower, mixed, " " + lower + "! ")) {
                        Command seen = observedCommand(pack.code(), typed);
                        if (seen != command) {
                            failures.add(pack.code() + " '" + typed + "' -> " + seen + ", expected " + command);
                        }
                    }
                }
            });
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void helpShowsTheHelpTextAndKeepsTheCitizenWhereTheyWere() {
        choose("fr");
        send("1");

        String reply = send("AIDE");

        assertEquals(msg("fr", HELP), reply);
        assertEquals(Stage.LESSON, state.stage());
    }

    // ---- STOP and START -------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"en, STOP, START", "fr, Arrêt, Reprendre", "pt, parar, Começar", "sw, ACHA, anza"})
    void afterStopNothingIsAnsweredUntilStart(String language, String stop, String start) {
        choose(language);

        Turn stopped = turn(stop);
        assertEquals(List.of(msg(language, STOPPED)), texts(stopped), "exactly one confirmation");
        assertEquals(List.of(new OptedOut()), stopped.events());

        for (String typed : List.of("MENU", "hi", "NEXT", "1", "HELP", "LANG", stop, QUESTION)) {
            Turn silent = turn(typed);
            assertEquals(List.of(), silent.replies(), () -> "no reply to '" + typed + "' after STOP");
            assertEquals(List.of(), silent.events(), () -> "no event for '" + typed + "' after STOP");
            assertTrue(state.optedOut());
        }

        Turn back = turn(start);
        assertEquals(1, back.replies().size());
        String reply = back.replies().get(0).text();
        assertTrue(reply.startsWith(msg(language, RESTARTED)), reply);
        assertShowsMenu(language, reply);
        assertEquals(List.of(new OptedIn()), back.events());
        assertFalse(state.optedOut());
        assertEquals(language, state.language());
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void stopBeforeChoosingALanguageConfirmsInTheDefaultLanguageAndStartAsksForTheLanguage() {
        String stopped = send("STOP");
        assertEquals(msg("en", STOPPED), stopped);

        assertEquals(List.of(), turn("Français").replies());

        String reply = send("START");
        assertTrue(reply.startsWith(msg("en", RESTARTED)), reply);
        assertTrue(reply.contains(msg("fr", CHOOSE_LANGUAGE)), reply);
        assertEquals(Stage.LANGUAGE, state.stage());
        assertEquals(List.of(new OptedIn()), last.events());
    }

    @Test
    void stopAndStartKeepTheProgress() {
        choose("en");
        Course course = course(1);
        send("1");
        send("NEXT");

        send("STOP");
        turn("NEXT");
        send("START");
        String reply = send("1");

        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.contains(step("en", course, 0, 1)), reply);
    }

    // ---- menu -----------------------------------------------------------------------------------

    @Test
    void aNumberOutsideTheMenuAsksForAValidNumber() {
        choose("en");
        int max = catalog.courses().size() + 2;

        String reply = send(String.valueOf(max + 1));

        assertEquals(msg("en", CHOOSE_NUMBER, Map.of("max", String.valueOf(max))), reply);
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void menuFromInsideALessonShowsTheMenu() {
        choose("pt");
        send("1");

        String reply = send("menu");

        assertShowsMenu("pt", reply);
        assertEquals(Stage.MENU, state.stage());
    }

    // ---- a whole course -------------------------------------------------------------------------

    @Test
    void aWholeCourseFromTheFirstStepToTheOfferOfTheNextCourse() {
        choose("en");
        Course first = course(1);
        Course second = course(2);

        for (int l = 0; l < first.lessons().size(); l++) {
            Lesson lesson = first.lessons().get(l);
            String opening = l == 0 ? send("1") : send("NEXT");

            assertTrue(opening.startsWith(msg("en", LESSON_INTRO, Map.of("n", String.valueOf(l + 1),
                    "total", String.valueOf(first.lessons().size()), "title", lesson.title().in("en")))), opening);
            assertTrue(opening.contains(msg("en", STEP, Map.of("text", lesson.steps().get(0).in("en")))), opening);
            assertEquals(List.of(new LessonDelivered(first.id(), lesson.id())), last.events());
            assertEquals(Stage.LESSON, state.stage());

            for (int s = 1; s < lesson.steps().size(); s++) {
                String reply = send("NEXT");
                assertEquals(msg("en", STEP, Map.of("text", lesson.steps().get(s).in("en"))), reply);
                assertEquals(List.of(), last.events(), "LessonDelivered only for the first step");
            }

            String quiz = send("NEXT");
            assertEquals(Stage.QUIZ, state.stage());
            assertShowsQuiz("en", lesson.quiz(), quiz);

            String answered = send(String.valueOf(lesson.quiz().answer()));
            assertTrue(answered.startsWith(msg("en", QUIZ_RIGHT,
                    Map.of("explanation", lesson.quiz().explanation().in("en")))), answered);
            assertTrue(last.events().contains(new QuizAnswered(first.id(), lesson.id(), true)), last.events()::toString);

            if (l + 1 < first.lessons().size()) {
                assertTrue(answered.contains(msg("en", LESSON_DONE, Map.of("n", String.valueOf(l + 2),
                        "title", first.lessons().get(l + 1).title().in("en")))), answered);
                assertEquals(Stage.LESSON_DONE, state.stage());
                assertEquals(List.of(new QuizAnswered(first.id(), lesson.id(), true)), last.events());
            } else {
                assertTrue(answered.contains(msg("en", COURSE_DONE, Map.of("course", first.title().in("en")))), answered);
                assertTrue(answered.contains(msg("en", COURSE_SUMMARY, Map.of("summary", first.summary().in("en")))), answered);
                assertTrue(answered.endsWith(msg("en", NEXT_COURSE_OFFER, Map.of("title", second.title().in("en")))), answered);
                assertEquals(List.of(new QuizAnswered(first.id(), lesson.id(), true), new CourseCompleted(first.id())),
                        last.events());
                assertTrue(state.progressIn(first.id()).completed());
            }
        }

        String next = send("NEXT");

        Lesson opening = second.lessons().get(0);
        assertEquals(second.id(), state.course());
        assertFalse(next.contains(msg("en", RESUME, Map.of("course", second.title().in("en")))), next);
        assertTrue(next.startsWith(msg("en", LESSON_INTRO, Map.of("n", "1",
                "total", String.valueOf(second.lessons().size()), "title", opening.title().in("en")))), next);
        assertTrue(next.contains(step("en", second, 0, 0)), next);
        assertEquals(List.of(new LessonDelivered(second.id(), opening.id())), last.events());
    }

    @Test
    void theQuizShowsLetteredOptions() {
        choose("en");
        send("1");
        Quiz quiz = course(1).lessons().get(0).quiz();

        String reply = readToQuiz(course(1).lessons().get(0));

        assertTrue(reply.contains("A) " + quiz.options().get(0).in("en")), reply);
        assertTrue(reply.contains("B) " + quiz.options().get(1).in("en")), reply);
        if (quiz.options().size() > 2) {
            assertTrue(reply.contains("C) " + quiz.options().get(2).in("en")), reply);
        }
        assertTrue(reply.contains(letters(quiz)), reply);
    }

    @Test
    void finishingTheSecondCourseFirstOffersTheFirst() {
        choose("en");
        Course first = course(1);
        Course second = course(2);
        send("2");

        String done = completeCurrentCourse(second);

        assertTrue(done.endsWith(msg("en", NEXT_COURSE_OFFER, Map.of("title", first.title().in("en")))), done);
        send("NEXT");
        assertEquals(first.id(), state.course());
    }

    @Test
    void finishingEveryCourseCongratulates() {
        choose("fr");
        send("1");
        for (int c = 1; c <= catalog.courses().size(); c++) {
            if (c > 1) {
                send("SUITE");
            }
            String done = completeCurrentCourse(course(c));
            if (c == catalog.courses().size()) {
                assertTrue(done.endsWith(msg("fr", ALL_COURSES_DONE)), done);
                assertEquals("", state.offeredCourse());
            }
        }
        catalog.courses().forEach(c -> assertTrue(state.progressIn(c.id()).completed(), c.id()));

        String next = send("SUITE");
        assertShowsMenu("fr", next);
    }

    @Test
    void reviewingAFinishedCourseKeepsItFinishedAndCountsItOnce() {
        choose("en");
        send("1");
        completeCurrentCourse(course(1));
        send("NEXT");
        completeCurrentCourse(course(2));
        send("MENU");
        send("1");
        assertTrue(state.progressIn(course(1).id()).completed(), "a review does not undo the completion");

        for (int l = 0; l < course(1).lessons().size(); l++) {
            if (l > 0) {
                send("NEXT");
            }
            readToQuiz(course(1).lessons().get(l));
            send(String.valueOf(course(1).lessons().get(l).quiz().answer()));
        }

        assertTrue(state.progressIn(course(1).id()).completed());
        assertFalse(last.events().stream().anyMatch(e -> e instanceof CourseCompleted), "completed only once");
    }

    @Test
    void aQuestionDuringTheQuizIsAnsweredAndTheQuizStaysOpen() {
        choose("en");
        send("1");
        Quiz quiz = course(1).lessons().get(0).quiz();
        readToQuiz(course(1).lessons().get(0));

        String reply = send(QUESTION);

        assertTrue(reply.contains(msg("en", NOT_UNDERSTOOD)), reply);
        assertTrue(reply.contains(msg("en", QUIZ_PENDING, Map.of("letters", letters(quiz)))), reply);
        assertEquals(Stage.QUIZ, state.stage());
        assertEquals(unanswered(QUESTION, "en"), last.events());
        send(String.valueOf(quiz.answer()));
        assertTrue(last.events().contains(new QuizAnswered(course(1).id(), course(1).lessons().get(0).id(), true)));
    }

    @Test
    void anOptionTypedWithATypographicApostropheIsUnderstood() {
        choose("fr");
        send("1");
        for (int l = 0; l < course(1).lessons().size(); l++) {
            Quiz quiz = course(1).lessons().get(l).quiz();
            if (l > 0) {
                send("SUITE");
            }
            readToQuiz(course(1).lessons().get(l));
            send(quiz.rightOption().in("fr").replace('\'', '\u2019'));
            assertTrue(last.events().contains(new QuizAnswered(course(1).id(), course(1).lessons().get(l).id(), true)),
                    last.events()::toString);
        }
    }

    @Test
    void comingBackToALessonsFirstStepDoesNotCountItAgain() {
        choose("en");
        turn("1");
        assertTrue(last.events().contains(new LessonDelivered(course(1).id(), course(1).lessons().get(0).id())));
        send("MENU");
        turn("1");
        assertFalse(last.events().stream().anyMatch(e -> e instanceof LessonDelivered), last.events()::toString);
    }

    // ---- quiz answers ---------------------------------------------------------------------------

    enum AnswerStyle {
        NUMBER {
            String type(int n, String option) {
                return String.valueOf(n);
            }
        },
        LOWER_LETTER {
            String type(int n, String option) {
                return QuizGrader.letter(n).toLowerCase(Locale.ROOT);
            }
        },
        UPPER_LETTER {
            String type(int n, String option) {
                return QuizGrader.letter(n);
            }
        },
        LETTER_AND_BRACKET {
            String type(int n, String option) {
                return QuizGrader.letter(n) + ")";
            }
        },
        LETTER_BRACKET_AND_TEXT {
            String type(int n, String option) {
                return QuizGrader.letter(n).toLowerCase(Locale.ROOT) + ") " + option;
            }
        },
        EXACT_OPTION_TEXT {
            String type(int n, String option) {
                return option;
            }
        },
        OPTION_TEXT_SHOUTED_WITHOUT_ACCENTS {
            String type(int n, String option) {
                return Normalizer.normalize(option, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                        .toUpperCase(Locale.ROOT);
            }
        };

        abstract String type(int n, String option);
    }

    static Stream<Arguments> answerStylesInEveryLanguage() {
        return Stream.of(AnswerStyle.values())
                .flatMap(style -> LANGUAGES.stream().map(language -> Arguments.of(style, language)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("answerStylesInEveryLanguage")
    void theRightAnswerIsUnderstoodHoweverItIsTyped(AnswerStyle style, String language) {
        choose(language);
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        Quiz quiz = lesson.quiz();
        send("1");
        readToQuiz(lesson);

        String reply = send(style.type(quiz.answer(), quiz.rightOption().in(language)));

        assertTrue(reply.startsWith(msg(language, QUIZ_RIGHT, Map.of("explanation", quiz.explanation().in(language)))),
                reply);
        assertEquals(List.of(new QuizAnswered(course.id(), lesson.id(), true)), last.events());
        assertEquals(Stage.LESSON_DONE, state.stage());
    }

    @Test
    void everyOptionOfEveryQuizIsUnderstoodWhenTypedInFull() {
        List<String> failures = new ArrayList<>();
        for (Course course : catalog.courses()) {
            for (int l = 0; l < course.lessons().size(); l++) {
                Lesson lesson = course.lessons().get(l);
                Quiz quiz = lesson.quiz();
                Map<String, CourseProgress> atQuiz = Map.of(course.id(), new CourseProgress(l, lesson.steps().size(), false));
                for (String language : LANGUAGES) {
                    for (int o = 1; o <= quiz.options().size(); o++) {
                        String typed = quiz.options().get(o - 1).in(language);
                        Turn t = engine.handle(
                                new CitizenState(Stage.QUIZ, language, course.id(), "", atQuiz, 0, false, -1), typed);
                        List<ConversationEvent> expected = List.of(
                                new QuizAnswered(course.id(), lesson.id(), o == quiz.answer()));
                        if (!t.events().stream().filter(e -> e instanceof QuizAnswered).toList().equals(expected)) {
                            failures.add(course.id() + "/" + lesson.id() + " " + language + " '" + typed + "' -> "
                                    + t.events());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aWrongAnswerGetsTheHintAndARetry() {
        choose("en");
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        Quiz quiz = lesson.quiz();
        send("1");
        readToQuiz(lesson);

        String reply = send(QuizGrader.letter(wrongAnswer(quiz)));

        assertEquals(msg("en", QUIZ_WRONG_RETRY, Map.of("hint", quiz.hint().in("en"), "letters", letters(quiz))), reply);
        assertEquals(List.of(new QuizAnswered(course.id(), lesson.id(), false)), last.events());
        assertEquals(Stage.QUIZ, state.stage());
        assertEquals(1, state.quizAttempts());
    }

    @Test
    void aSecondWrongAnswerRevealsTheRightOneAndMovesOn() {
        choose("fr");
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        Quiz quiz = lesson.quiz();
        send("1");
        readToQuiz(lesson);
        send(String.valueOf(wrongAnswer(quiz)));

        String reply = send(String.valueOf(wrongAnswer(quiz)));

        assertTrue(reply.startsWith(msg("fr", QUIZ_WRONG_FINAL, Map.of(
                "letter", QuizGrader.letter(quiz.answer()),
                "answer", quiz.rightOption().in("fr"),
                "explanation", quiz.explanation().in("fr")))), reply);
        assertTrue(reply.contains(msg("fr", LESSON_DONE, Map.of("n", "2",
                "title", course.lessons().get(1).title().in("fr")))), reply);
        assertEquals(List.of(new QuizAnswered(course.id(), lesson.id(), false)), last.events());
        assertEquals(Stage.LESSON_DONE, state.stage());
        assertEquals(0, state.quizAttempts());
        assertEquals(new CourseProgress(1, -1, false), state.progressIn(course.id()));

        String next = send("SUITE");
        assertTrue(next.contains(step("fr", course, 1, 0)), next);
    }

    @Test
    void aWrongThenRightAnswerCountsAsRight() {
        choose("en");
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        send("1");
        readToQuiz(lesson);
        send(String.valueOf(wrongAnswer(lesson.quiz())));

        String reply = send(String.valueOf(lesson.quiz().answer()));

        assertTrue(reply.startsWith(msg("en", QUIZ_RIGHT, Map.of("explanation", lesson.quiz().explanation().in("en")))),
                reply);
        assertEquals(List.of(new QuizAnswered(course.id(), lesson.id(), true)), last.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "Z)", "7"})
    void aLetterThatNamesNoOptionAsksForTheQuizAgain(String typed) {
        choose("en");
        Lesson lesson = course(1).lessons().get(0);
        send("1");
        readToQuiz(lesson);

        String reply = send(typed);

        assertEquals(msg("en", QUIZ_PENDING, Map.of("letters", letters(lesson.quiz()))), reply);
        assertEquals(List.of(), last.events());
        assertEquals(Stage.QUIZ, state.stage());
        assertEquals(0, state.quizAttempts());
    }

    @Test
    void nextDuringTheQuizAsksForTheAnswer() {
        choose("sw");
        Lesson lesson = course(1).lessons().get(0);
        send("1");
        readToQuiz(lesson);

        String reply = send("endelea");

        assertEquals(msg("sw", QUIZ_PENDING, Map.of("letters", letters(lesson.quiz()))), reply);
        assertEquals(Stage.QUIZ, state.stage());
    }

    // ---- progress -------------------------------------------------------------------------------

    @Test
    void leavingMidLessonAndChoosingTheCourseAgainResumesAtTheSameStep() {
        choose("en");
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        send("1");
        send("NEXT");
        send("NEXT");
        CourseProgress before = state.progressIn(course.id());

        send("MENU");
        String reply = send("1");

        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.contains(msg("en", LESSON_INTRO, Map.of("n", "1",
                "total", String.valueOf(course.lessons().size()), "title", lesson.title().in("en")))), reply);
        assertTrue(reply.endsWith(msg("en", STEP, Map.of("text", lesson.steps().get(2).in("en")))), reply);
        assertEquals(before, state.progressIn(course.id()));
        assertEquals(Stage.LESSON, state.stage());
        assertEquals(List.of(), last.events(), "no new LessonDelivered when resuming mid-lesson");
    }

    @Test
    void progressIsKeptPerCourse() {
        choose("pt");
        Course first = course(1);
        Course second = course(2);
        send("1");
        send("PROXIMO");
        send("MENU");
        send("2");
        send("PROXIMO");
        send("PROXIMO");
        send("MENU");

        String backToFirst = send("1");
        assertTrue(backToFirst.startsWith(msg("pt", RESUME, Map.of("course", first.title().in("pt")))), backToFirst);
        assertTrue(backToFirst.contains(step("pt", first, 0, 1)), backToFirst);

        send("MENU");
        String backToSecond = send("2");
        assertTrue(backToSecond.startsWith(msg("pt", RESUME, Map.of("course", second.title().in("pt")))), backToSecond);
        assertTrue(backToSecond.contains(step("pt", second, 0, 2)), backToSecond);

        assertEquals(new CourseProgress(0, 1, false), state.progressIn(first.id()));
        assertEquals(new CourseProgress(0, 2, false), state.progressIn(second.id()));
    }

    @Test
    void leavingDuringTheQuizResumesAtTheQuiz() {
        choose("en");
        Lesson lesson = course(1).lessons().get(0);
        send("1");
        readToQuiz(lesson);

        send("MENU");
        String reply = send("1");

        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course(1).title().in("en")))), reply);
        assertShowsQuiz("en", lesson.quiz(), reply);
        assertEquals(Stage.QUIZ, state.stage());
    }

    @Test
    void leavingAfterALessonResumesAtTheStartOfTheNextLesson() {
        choose("en");
        Course course = course(1);
        send("1");
        readToQuiz(course.lessons().get(0));
        send(String.valueOf(course.lessons().get(0).quiz().answer()));

        send("MENU");
        String reply = send("1");

        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.contains(step("en", course, 1, 0)), reply);
        assertEquals(List.of(new LessonDelivered(course.id(), course.lessons().get(1).id())), last.events());
    }

    @Test
    void nextFromTheMenuContinuesTheCurrentCourse() {
        choose("en");
        Course course = course(1);
        send("1");
        send("NEXT");
        send("MENU");

        String reply = send("NEXT");

        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.contains(step("en", course, 0, 1)), reply);
    }

    // ---- questions ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void freeTextGetsNotUnderstoodTheHelplineAndTheMenu(String language) {
        choose(language);

        String reply = send(QUESTION);

        assertEquals(msg(language, NOT_UNDERSTOOD) + "\n" + helpline(language, msg(language, HELPLINE_DEFAULT)) + "\n"
                + menu(language, Surface.TEXT), reply);
        assertEquals(unanswered(QUESTION, state.language()), last.events());
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void theAskMenuItemPromptsForAQuestion() {
        choose("en");

        String prompt = send(String.valueOf(catalog.courses().size() + 1));
        assertEquals(msg("en", ASK_PROMPT), prompt);
        assertEquals(Stage.QUESTION, state.stage());

        String reply = send(QUESTION);
        assertTrue(reply.startsWith(msg("en", NOT_UNDERSTOOD)), reply);
        assertShowsMenu("en", reply);
        assertEquals(unanswered(QUESTION, state.language()), last.events());
    }

    @Test
    void freeTextDuringALessonIsTreatedAsAQuestion() {
        choose("en");
        send("1");

        String reply = send(QUESTION);

        assertTrue(reply.startsWith(msg("en", NOT_UNDERSTOOD)), reply);
        assertEquals(unanswered(QUESTION, state.language()), last.events());
    }

    @Test
    void anAnswerFromTheAnswererIsSentInsteadOfTheApology() {
        engine = new ConversationEngine(catalog, (question, language) ->
                new Understanding.Known(NATIONAL_ID, language), DAILY_HOURS);
        choose("fr");
        send(String.valueOf(catalog.courses().size() + 1));

        String reply = send(QUESTION);

        assertEquals(answerText(NATIONAL_ID, "fr", NO_COUNTRY), reply);
        assertEquals(List.of(new QuestionAsked()), last.events());
        assertEquals(Stage.MENU, state.stage());
    }

    // ---- answers: a question the answerer knows --------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void aKnownQuestionIsAnsweredWithTheCountryDetailsFilledIn(String language) {
        List<String> asked = new ArrayList<>();
        engine = new ConversationEngine(catalog, (question, lang) -> {
            asked.add(lang + ": " + question);
            return new Understanding.Known(COMPLAINT, lang);
        }, DAILY_HOURS, COUNTRY);
        choose(language);

        String reply = send(QUESTION);

        assertEquals(List.of(language + ": " + QUESTION), asked, "the answerer reads the question as typed");
        assertEquals(answerText(COMPLAINT, language, COUNTRY), reply);
        assertTrue(reply.contains(COUNTRY.get("portal_url")), reply);
        assertTrue(reply.contains(COUNTRY.get("helpline")), reply);
        assertTrue(reply.contains(COUNTRY.get("office_hours")), reply);
        assertNoPlaceholderLeft(reply);
        assertEquals(List.of(new QuestionAsked()), last.events());
        assertEquals(Stage.MENU, state.stage());
        assertEquals("", state.offeredCourse(), "this answer has no lesson");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void withoutCountryDetailsTheAnswerUsesTheContentsNeutralWords(String language) {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(COMPLAINT, language)), DAILY_HOURS);
        choose(language);

        String reply = send(QUESTION);

        assertEquals(answerText(COMPLAINT, language, NO_COUNTRY), reply);
        assertTrue(reply.contains(msg(language, PORTAL_DEFAULT)), reply);
        assertTrue(reply.contains(msg(language, HELPLINE_DEFAULT)), reply);
        assertTrue(reply.contains(msg(language, OFFICE_HOURS_DEFAULT)), reply);
        assertNoPlaceholderLeft(reply);
    }

    @Test
    void onlyTheCountryDetailsThatAreSetReplaceTheNeutralWords() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(COMPLAINT, "fr")), DAILY_HOURS,
                Map.of("helpline", "1500"));
        choose("fr");

        String reply = send(QUESTION);

        assertEquals(answerText(COMPLAINT, "fr", Map.of("helpline", "1500")), reply);
        assertTrue(reply.contains("1500"), reply);
        assertFalse(reply.contains(msg("fr", HELPLINE_DEFAULT)), reply);
        assertTrue(reply.contains(msg("fr", PORTAL_DEFAULT)), reply);
        assertTrue(reply.contains(msg("fr", OFFICE_HOURS_DEFAULT)), reply);
        assertNoPlaceholderLeft(reply);
    }

    @ParameterizedTest(name = "country details set: {0}")
    @ValueSource(booleans = {true, false})
    void allFourCountryPlaceholdersAreFilled(boolean countrySet) {
        // No real answer uses {short_code} yet, so this one uses all four.
        Answer every = new Answer("test.every_placeholder", inEveryLanguage(l -> "Title " + l),
                inEveryLanguage(l -> l + ": {portal_url} | {helpline} | {office_hours} | {short_code}"), Optional.empty());
        Map<String, String> country = countrySet ? COUNTRY : NO_COUNTRY;
        engine = new ConversationEngine(withAnswer(every), always(new Understanding.Known(every.intent(), "sw")),
                DAILY_HOURS, country);
        choose("sw");

        String reply = send(QUESTION);

        assertEquals("sw: " + detail("portal_url", "sw", country) + " | " + detail("helpline", "sw", country)
                + " | " + detail("office_hours", "sw", country) + " | " + detail("short_code", "sw", country), reply);
        assertEquals(countrySet ? "*152*00#" : msg("sw", SHORT_CODE_DEFAULT), detail("short_code", "sw", country));
        assertNoPlaceholderLeft(reply);
    }

    @Test
    void countryDetailsAreInsertedAsTheyAreWritten() {
        Map<String, String> odd = Map.of("helpline", "$1 \\0 {portal_url}", "portal_url", "https://x.example/?a=$0");
        engine = new ConversationEngine(catalog, always(new Understanding.Known(NATIONAL_ID, "en")), DAILY_HOURS, odd);
        choose("en");

        String reply = send(QUESTION);

        assertTrue(reply.contains("$1 \\0 {portal_url}"), reply);
        assertTrue(reply.contains("https://x.example/?a=$0"), reply);
    }

    @Test
    void theAnswerIsInTheLanguageTheQuestionWasReadIn() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(PASSWORD_RESET, "fr")), DAILY_HOURS,
                COUNTRY);
        choose("en");

        String reply = send("J'ai oublié mon mot de passe");

        assertEquals(answerText(PASSWORD_RESET, "fr", COUNTRY) + "\n" + learnOffer("fr", taughtBy(PASSWORD_RESET)), reply);
        assertEquals("en", state.language(), "the citizen's own language does not change");
        assertEquals(taughtBy(PASSWORD_RESET).id(), state.offeredCourse());
    }

    @Test
    void anAnswerInALanguageNotOfferedIsGivenInTheCitizensLanguage() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(NATIONAL_ID, "de")), DAILY_HOURS, COUNTRY);
        choose("sw");

        String reply = send("Wie erneuere ich meinen Ausweis?");

        assertEquals(answerText(NATIONAL_ID, "sw", COUNTRY), reply);
    }

    @Test
    void anAnswerAfterTheAskMenuItemReturnsToTheMenu() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(NATIONAL_ID, "pt")), DAILY_HOURS, COUNTRY);
        choose("pt");
        send(String.valueOf(catalog.courses().size() + 1));
        assertEquals(Stage.QUESTION, state.stage());

        String reply = send(QUESTION);

        assertEquals(answerText(NATIONAL_ID, "pt", COUNTRY), reply);
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void anAnswerDuringALessonKeepsTheLessonAndNextContinuesIt() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(NATIONAL_ID, "en")), DAILY_HOURS, COUNTRY);
        choose("en");
        Course course = course(1);
        send("1");

        String reply = send(QUESTION);

        assertEquals(answerText(NATIONAL_ID, "en", COUNTRY), reply);
        assertEquals(Stage.LESSON, state.stage());
        String next = send("NEXT");
        assertTrue(next.contains(step("en", course, 0, 1)), next);
    }

    // ---- answers: the lesson offered with an answer ---------------------------------------------

    @ParameterizedTest
    @CsvSource({"en, LEARN", "en, lesson", "fr, APPRENDRE", "fr, leçon", "pt, APRENDER", "pt, Aula", "sw, JIFUNZE",
            "sw, somo"})
    void anAnswerWithALessonOffersTheCourseAndLearnStartsIt(String language, String learn) {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(PASSWORD_RESET, language)), DAILY_HOURS,
                COUNTRY);
        Course course = taughtBy(PASSWORD_RESET);
        choose(language);

        String reply = send(QUESTION);

        assertEquals(answerText(PASSWORD_RESET, language, COUNTRY) + "\n" + learnOffer(language, course), reply);
        assertEquals(course.id(), state.offeredCourse());
        assertEquals(Stage.MENU, state.stage());

        String lesson = send(learn);

        assertEquals(course.id(), state.course());
        assertEquals("", state.offeredCourse());
        assertEquals(Stage.LESSON, state.stage());
        assertEquals(new CourseProgress(0, 0, false), state.progressIn(course.id()));
        assertEquals(msg(language, LESSON_INTRO, Map.of("n", "1", "total", String.valueOf(course.lessons().size()),
                "title", course.lessons().get(0).title().in(language))) + "\n" + step(language, course, 0, 0), lesson);
        assertEquals(List.of(new LessonDelivered(course.id(), course.lessons().get(0).id())), last.events());
    }

    @Test
    void theLearnOfferOfEveryLanguageNamesALearnKeyword() {
        for (LanguagePack pack : catalog.languages()) {
            String offer = msg(pack.code(), LEARN_OFFER, Map.of("course", "x"));
            assertTrue(pack.commands().get(Command.LEARN).stream().anyMatch(offer::contains),
                    () -> pack.code() + ": " + offer);
        }
    }

    @Test
    void anAnswerWithoutALessonOffersNothing() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(NATIONAL_ID, "en")), DAILY_HOURS, COUNTRY);
        choose("en");

        String reply = send(QUESTION);

        assertFalse(reply.contains(learnOffer("en", course(1))) || reply.contains(learnOffer("en", course(2))), reply);
        assertEquals("", state.offeredCourse());
        assertEquals(menu("en", Surface.TEXT), send("LEARN"), "nothing was offered");
    }

    @ParameterizedTest
    @CsvSource({"en, LEARN", "fr, Apprendre", "pt, aula", "sw, jifunze"})
    void learnWithNothingOfferedShowsTheMenu(String language, String learn) {
        choose(language);

        String reply = send(learn);

        assertEquals(menu(language, Surface.TEXT), reply);
        assertEquals(Stage.MENU, state.stage());
        assertEquals("", state.course());
        assertEquals(List.of(), last.events());
    }

    @Test
    void learnBeforeChoosingALanguageAsksForTheLanguage() {
        String reply = send("LEARN");

        assertTrue(reply.startsWith(msg("en", WELCOME)), reply);
        assertTrue(reply.contains(msg("fr", CHOOSE_LANGUAGE)), reply);
        assertEquals(Stage.LANGUAGE, state.stage());
    }

    // ---- answers: "did you mean" ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void anUnsureQuestionAsksWhichOfTheTwoWasMeant(String language) {
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, language)), DAILY_HOURS, COUNTRY);
        choose(language);

        String reply = send(QUESTION);

        assertEquals(didYouMean(language, PASSWORD_RESET, NATIONAL_ID), reply);
        assertEquals(Stage.CLARIFY, state.stage());
        assertEquals(List.of(PASSWORD_RESET, NATIONAL_ID), state.pending());
        assertEquals("", state.offeredCourse(), "nothing is offered before an answer is chosen");
        assertEquals(List.of(new QuestionAsked()), last.events());
    }

    @ParameterizedTest
    @CsvSource({"en, 2", "fr, 2", "pt, ' 2. '", "sw, 2"})
    void twoGivesTheSecondAnswer(String language, String typed) {
        int[] calls = new int[1];
        engine = new ConversationEngine(catalog, (question, lang) -> {
            calls[0]++;
            return new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, lang);
        }, DAILY_HOURS, COUNTRY);
        choose(language);
        send(QUESTION);

        String reply = send(typed);

        assertEquals(answerText(NATIONAL_ID, language, COUNTRY), reply);
        assertEquals(1, calls[0], "the choice is not read as a new question");
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), state.pending());
        assertEquals("", state.offeredCourse());
        assertEquals("", state.course(), "'2' picks the answer, not the second course");
        assertEquals(List.of(), last.events());
    }

    @Test
    void oneGivesTheFirstAnswerAndItsLessonOffer() {
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, "sw")), DAILY_HOURS, COUNTRY);
        choose("sw");
        send(QUESTION);

        String reply = send("1");

        Course course = taughtBy(PASSWORD_RESET);
        assertEquals(answerText(PASSWORD_RESET, "sw", COUNTRY) + "\n" + learnOffer("sw", course), reply);
        assertEquals("", state.course(), "'1' picks the answer, not the first course");
        assertEquals(course.id(), state.offeredCourse());
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), state.pending());

        send("JIFUNZE");
        assertEquals(course.id(), state.course());
        assertEquals(Stage.LESSON, state.stage());
    }

    @Test
    void aDidYouMeanRestoredFromStorageIsAnswered() {
        CitizenState stored = new CitizenState(Stage.CLARIFY, "fr", "", "", Map.of(), 0, false, -1,
                List.of(PASSWORD_RESET, PASSPORT));
        engine = new ConversationEngine(catalog, new NoAnswers(), DAILY_HOURS, COUNTRY);

        Turn t = engine.handle(stored, "2");

        assertEquals(List.of(answerText(PASSPORT, "fr", COUNTRY)), texts(t));
        assertEquals(List.of(), t.state().pending());
    }

    @Test
    void afterDidYouMeanAMenuNumberIsAMenuChoice() {
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, "en")), DAILY_HOURS, COUNTRY);
        int ask = catalog.courses().size() + 1;
        int daily = catalog.courses().size() + 2;

        assertEquals(msg("en", ASK_PROMPT), clarifyThen("en", String.valueOf(ask)));
        assertEquals(Stage.QUESTION, state.stage());
        assertEquals(List.of(), state.pending());

        assertEquals(msg("en", DAILY_ASK, DAILY_RANGE), clarifyThen("en", String.valueOf(daily)));
        assertEquals(Stage.DAILY_HOUR, state.stage());
        assertEquals(List.of(), state.pending());

        assertEquals(msg("en", CHOOSE_NUMBER, Map.of("max", String.valueOf(daily))), clarifyThen("en", "99"));
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), state.pending());
    }

    @Test
    void afterDidYouMeanOtherWordsAreANewQuestion() {
        String passport = "passport please";
        String nonsense = "zzz qqq";
        String another = "my account";
        engine = new ConversationEngine(catalog, scripted(Map.of(
                QUESTION, new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, "en"),
                passport, new Understanding.Known(PASSPORT, "en"),
                another, new Understanding.Unsure(NATIONAL_ID, PASSPORT, "en"))), DAILY_HOURS, COUNTRY);

        assertEquals(answerText(PASSPORT, "en", COUNTRY), clarifyThen("en", passport));
        assertEquals(List.of(new QuestionAsked()), last.events());
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), state.pending());

        assertEquals(msg("en", NOT_UNDERSTOOD) + "\n" + helpline("en", COUNTRY.get("helpline")) + "\n"
                + menu("en", Surface.TEXT), clarifyThen("en", nonsense));
        assertEquals(unanswered(nonsense, "en"), last.events());
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), state.pending());

        assertEquals(didYouMean("en", NATIONAL_ID, PASSPORT), clarifyThen("en", another));
        assertEquals(Stage.CLARIFY, state.stage());
        assertEquals(List.of(NATIONAL_ID, PASSPORT), state.pending());
    }

    @Test
    void afterDidYouMeanCommandsStillWork() {
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, "en")), DAILY_HOURS, COUNTRY);

        assertEquals(menu("en", Surface.TEXT), clarifyThen("en", "MENU"));
        assertEquals(Stage.MENU, state.stage());

        assertEquals(msg("en", STOPPED), clarifyThen("en", "STOP"));
        assertTrue(state.optedOut());
    }

    @Test
    void aDidYouMeanDuringALessonThenNextResumesTheLesson() {
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(NATIONAL_ID, PASSPORT, "en")), DAILY_HOURS, COUNTRY);
        choose("en");
        Course course = course(1);
        send("1");
        send("NEXT");

        assertEquals(didYouMean("en", NATIONAL_ID, PASSPORT), send(QUESTION));
        assertEquals(answerText(PASSPORT, "en", COUNTRY), send("2"));
        String reply = send("NEXT");

        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.contains(step("en", course, 0, 1)), reply);
        assertEquals(new CourseProgress(0, 1, false), state.progressIn(course.id()));
    }

    @Test
    void onUssdOneAndTwoPickFromTheDidYouMeanAndZeroIsTheMenu() {
        surface = Surface.USSD;
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(PASSWORD_RESET, NATIONAL_ID, "pt")), DAILY_HOURS, COUNTRY);
        choose("pt");

        assertEquals(ussd("pt", DID_YOU_MEAN, Map.of("first", title(PASSWORD_RESET, "pt"),
                "second", title(NATIONAL_ID, "pt"))), send(QUESTION));
        assertEquals(answerText(NATIONAL_ID, "pt", COUNTRY), send("2"));

        send(QUESTION);
        assertEquals(ussdMenu("pt"), send("0"));
        assertEquals(Stage.MENU, state.stage());
    }

    // ---- answers: a question nobody understood --------------------------------------------------

    @ParameterizedTest
    @CsvSource({"en, How do I renew my national ID card?", "fr, Où est mon  PASSEPORT ??",
            "pt, Quero renovar o BI", "sw, Nitapataje kitambulisho?"})
    void anUnknownQuestionIsKeptWithItsCandidatesForTheEditors(String language, String question) {
        List<String> candidates = List.of(PASSPORT, NATIONAL_ID, COMPLAINT);
        engine = new ConversationEngine(catalog, always(new Understanding.Unknown(candidates)), DAILY_HOURS, COUNTRY);
        choose(language);

        String reply = send(question);

        assertEquals(List.of(new QuestionAsked(), new QuestionUnanswered(),
                new UnansweredQuestion(question, language, candidates)), last.events());
        assertEquals(msg(language, NOT_UNDERSTOOD) + "\n" + helpline(language, COUNTRY.get("helpline")) + "\n"
                + menu(language, Surface.TEXT), reply);
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), state.pending());
    }

    @Test
    void withoutAHelplineSetTheNeutralWordsAreUsed() {
        engine = new ConversationEngine(catalog, always(new Understanding.Unknown(List.of())), DAILY_HOURS,
                Map.of("portal_url", "https://e.example"));
        choose("sw");

        String reply = send(QUESTION);

        assertTrue(reply.contains(helpline("sw", msg("sw", HELPLINE_DEFAULT))), reply);
        assertNoPlaceholderLeft(reply);
    }

    // ---- answers: a question during the quiz ----------------------------------------------------

    @Test
    void aKnownQuestionDuringTheQuizIsAnsweredAndTheQuizStaysOpen() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(NATIONAL_ID, "en")), DAILY_HOURS, COUNTRY);
        Quiz quiz = toFirstQuiz("en");

        String reply = send(QUESTION);

        assertEquals(answerText(NATIONAL_ID, "en", COUNTRY) + "\n" + msg("en", QUIZ_PENDING,
                Map.of("letters", letters(quiz))), reply);
        assertQuizStillOpen(quiz, List.of(new QuestionAsked()));
    }

    @Test
    void anAnswerWithALessonDuringTheQuizOffersItAndTheQuizStaysOpen() {
        engine = new ConversationEngine(catalog, always(new Understanding.Known(PASSWORD_RESET, "fr")), DAILY_HOURS,
                COUNTRY);
        Quiz quiz = toFirstQuiz("fr");

        String reply = send(QUESTION);

        assertEquals(answerText(PASSWORD_RESET, "fr", COUNTRY) + "\n" + learnOffer("fr", taughtBy(PASSWORD_RESET))
                + "\n" + msg("fr", QUIZ_PENDING, Map.of("letters", letters(quiz))), reply);
        assertEquals(taughtBy(PASSWORD_RESET).id(), state.offeredCourse());
        assertQuizStillOpen(quiz, List.of(new QuestionAsked()));
    }

    @Test
    void anUnsureQuestionDuringTheQuizGetsTheFirstAnswerWithoutAskingAndTheQuizStaysOpen() {
        engine = new ConversationEngine(catalog,
                always(new Understanding.Unsure(NATIONAL_ID, PASSPORT, "pt")), DAILY_HOURS, COUNTRY);
        Quiz quiz = toFirstQuiz("pt");

        String reply = send(QUESTION);

        assertEquals(answerText(NATIONAL_ID, "pt", COUNTRY) + "\n" + msg("pt", QUIZ_PENDING,
                Map.of("letters", letters(quiz))), reply);
        assertFalse(reply.contains(title(PASSPORT, "pt")), reply);
        assertEquals(List.of(), state.pending());
        assertQuizStillOpen(quiz, List.of(new QuestionAsked()));
    }

    @Test
    void anUnknownQuestionDuringTheQuizIsKeptAndTheQuizStaysOpenWithoutTheMenu() {
        List<String> candidates = List.of(PASSPORT);
        engine = new ConversationEngine(catalog, always(new Understanding.Unknown(candidates)), DAILY_HOURS, COUNTRY);
        Quiz quiz = toFirstQuiz("sw");

        String reply = send(QUESTION);

        assertEquals(msg("sw", NOT_UNDERSTOOD) + "\n" + helpline("sw", COUNTRY.get("helpline")) + "\n"
                + msg("sw", QUIZ_PENDING, Map.of("letters", letters(quiz))), reply);
        assertFalse(reply.contains(msg("sw", MENU_HEADER)), reply);
        assertQuizStillOpen(quiz, unanswered(QUESTION, "sw", candidates));
    }

    // ---- answers: the real content --------------------------------------------------------------

    @ParameterizedTest(name = "country details set: {0}")
    @ValueSource(booleans = {true, false})
    void everyAnswerOfTheRealContentRendersInEveryLanguageWithEveryPlaceholderFilled(boolean countrySet) {
        Map<String, String> country = countrySet ? COUNTRY : NO_COUNTRY;
        assertFalse(catalog.answers().isEmpty());
        List<String> failures = new ArrayList<>();
        for (Answer answer : catalog.answers().values()) {
            for (String language : LANGUAGES) {
                String where = answer.intent() + " in " + language + ": ";
                ConversationEngine e = new ConversationEngine(catalog,
                        always(new Understanding.Known(answer.intent(), language)), DAILY_HOURS, country);
                Turn t = e.handle(atMenu(language), QUESTION);
                if (t.replies().size() != 1) {
                    failures.add(where + t.replies().size() + " replies");
                    continue;
                }
                String reply = t.replies().get(0).text();
                if (reply.contains("{") || reply.contains("}")) {
                    failures.add(where + "placeholder left in '" + reply + "'");
                }
                for (String placeholder : Templates.placeholdersIn(answer.text().in(language))) {
                    if (!reply.contains(detail(placeholder, language, country))) {
                        failures.add(where + "{" + placeholder + "} not filled in '" + reply + "'");
                    }
                }
                String offer = answer.course().map(id -> "\n" + learnOffer(language, catalog.course(id).orElseThrow()))
                        .orElse("");
                if (!reply.equals(answerText(answer.intent(), language, country) + offer)) {
                    failures.add(where + "unexpected reply '" + reply + "'");
                }
                if (!t.state().offeredCourse().equals(answer.course().orElse(""))) {
                    failures.add(where + "offered '" + t.state().offeredCourse() + "'");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyAnswerTitleOfTheRealContentShowsInTheDidYouMean() {
        List<String> failures = new ArrayList<>();
        List<String> intents = List.copyOf(catalog.answers().keySet());
        for (int i = 0; i < intents.size(); i++) {
            String first = intents.get(i);
            String second = intents.get((i + 1) % intents.size());
            for (String language : LANGUAGES) {
                ConversationEngine e = new ConversationEngine(catalog,
                        always(new Understanding.Unsure(first, second, language)), DAILY_HOURS, COUNTRY);
                List<String> replies = texts(e.handle(atMenu(language), QUESTION));
                if (!replies.equals(List.of(didYouMean(language, first, second)))
                        || replies.get(0).contains("{") || replies.get(0).contains(first)) {
                    failures.add(first + "/" + second + " in " + language + ": " + replies);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aStateWithoutThePendingFieldHasNothingPending() {
        assertEquals(List.of(), new CitizenState(Stage.MENU, "en", "", "", Map.of(), 0, false, -1).pending());
        assertEquals(List.of(), new CitizenState(Stage.MENU, "en", "", "", Map.of(), 0, false, -1, null).pending());
        assertEquals(List.of(), CitizenState.newcomer().pending());
    }

    // ---- daily lesson: subscribing ---------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"en, DAILY", "en, every day", "fr, Quotidien", "fr, chaque jour", "pt, diário", "pt, Todos os dias",
            "sw, KILA SIKU", "sw, kilasiku"})
    void theDailyCommandAsksForTheHourAndAnHourSubscribes(String language, String typed) {
        choose(language);

        String ask = send(typed);

        assertEquals(msg(language, DAILY_ASK, DAILY_RANGE), ask);
        assertEquals(Stage.DAILY_HOUR, state.stage());
        assertFalse(state.subscribedDaily());

        String on = send("18");

        assertEquals(msg(language, DAILY_ON, Map.of("hour", "18")), on);
        assertEquals(18, state.dailyHour());
        assertTrue(state.subscribedDaily());
        assertEquals(Stage.MENU, state.stage());
        assertEquals(List.of(), last.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "sw"})
    void theDailyMenuItemAsksForTheHourAndAnHourSubscribes(String language) {
        choose(language);

        String ask = send(String.valueOf(catalog.courses().size() + 2));

        assertEquals(msg(language, DAILY_ASK, DAILY_RANGE), ask);
        assertEquals(Stage.DAILY_HOUR, state.stage());

        String on = send("7");

        assertEquals(msg(language, DAILY_ON, Map.of("hour", "7")), on);
        assertEquals(7, state.dailyHour());
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void theHoursOfferedFollowTheAllowedHoursGivenToTheEngine() {
        engine = new ConversationEngine(catalog, new NoAnswers(), h -> h >= 8 && h < 18);
        choose("en");

        String ask = send("DAILY");
        assertEquals(msg("en", DAILY_ASK, Map.of("first", "8", "last", "17")), ask);

        String refused = send("18");
        assertEquals(msg("en", DAILY_QUIET, Map.of("first", "8", "last", "17")), refused);

        send("17");
        assertEquals(17, state.dailyHour());
    }

    @ParameterizedTest
    @CsvSource({"7, 7", "07, 7", "20, 20", "12, 12", "18:00, 18", "18h00, 18", "18.00, 18", "' 9 ', 9", "9:00, 9"})
    void theHourIsUnderstoodInTheUsualForms(String typed, int hour) {
        choose("fr");
        send("QUOTIDIEN");

        String on = send(typed);

        assertEquals(msg("fr", DAILY_ON, Map.of("hour", String.valueOf(hour))), on);
        assertEquals(hour, state.dailyHour());
    }

    @ParameterizedTest
    @CsvSource({"en, 21", "en, 23", "fr, 0", "fr, 6", "pt, 06:00", "pt, 22h00", "sw, 5", "sw, 24", "en, 99"})
    void anHourInTheQuietHoursIsRefusedAndTheHourIsAskedAgain(String language, String typed) {
        choose(language);
        send(dailyWord(language));

        String refused = send(typed);

        assertEquals(msg(language, DAILY_QUIET, DAILY_RANGE), refused);
        assertEquals(Stage.DAILY_HOUR, state.stage());
        assertFalse(state.subscribedDaily());
        assertEquals(List.of(), last.events());

        String on = send("19");
        assertEquals(msg(language, DAILY_ON, Map.of("hour", "19")), on);
        assertEquals(19, state.dailyHour());
    }

    @Test
    void aQuietHourDoesNotChangeAnExistingSubscription() {
        choose("en");
        subscribe(8);

        send("DAILY");
        send("22");

        assertEquals(8, state.dailyHour());
    }

    @Test
    void dailyAgainChangesTheHour() {
        choose("pt");
        subscribe(8);

        send("DIARIO");
        String on = send("17");

        assertEquals(msg("pt", DAILY_ON, Map.of("hour", "17")), on);
        assertEquals(17, state.dailyHour());
    }

    @Test
    void wordsInsteadOfAnHourAreAQuestionAndDoNotSubscribe() {
        choose("en");
        send("DAILY");

        String reply = send(QUESTION);

        assertTrue(reply.startsWith(msg("en", NOT_UNDERSTOOD)), reply);
        assertShowsMenu("en", reply);
        assertFalse(state.subscribedDaily());
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void subscribingMidLessonKeepsTheLessonAndNextContinuesIt() {
        choose("en");
        Course course = course(1);
        send("1");
        send("NEXT");

        send("DAILY");
        send("18");
        String reply = send("NEXT");

        assertEquals(18, state.dailyHour());
        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.endsWith(step("en", course, 0, 1)), reply);
        assertEquals(new CourseProgress(0, 1, false), state.progressIn(course.id()));
    }

    @Test
    void dailyBeforeChoosingALanguageAsksForTheLanguageFirst() {
        String reply = send("DAILY");

        assertTrue(reply.startsWith(msg("en", WELCOME)), reply);
        assertEquals(Stage.LANGUAGE, state.stage());
        assertFalse(state.subscribedDaily());
    }

    @ParameterizedTest
    @CsvSource({"en, DAILY OFF", "en, stop daily", "en, No Daily", "fr, quotidien stop", "fr, Stop quotidien",
            "pt, Diário não", "pt, parar diario", "sw, KILA SIKU ACHA", "sw, acha kila siku"})
    void dailyOffUnsubscribesAndLeavesTheCitizenWhereTheyWere(String language, String typed) {
        choose(language);
        subscribe(18);
        send("1");
        CitizenState before = state;

        String reply = send(typed);

        assertEquals(msg(language, DAILY_OFF), reply);
        assertEquals(-1, state.dailyHour());
        assertFalse(state.subscribedDaily());
        assertFalse(state.optedOut(), "DAILY OFF is not STOP");
        assertEquals(Stage.LESSON, state.stage());
        assertEquals(before.progress(), state.progress());
        assertEquals(List.of(), last.events());
    }

    @Test
    void dailyOffThenTheTickSendsNothing() {
        choose("sw");
        subscribe(18);
        send("KILA SIKU ACHA");

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(List.of(), tick.replies());
    }

    // ---- daily lesson: the tick ------------------------------------------------------------------

    @Test
    void theTickSendsNothingToACitizenWhoIsNotSubscribed() {
        choose("en");
        send("1");
        CitizenState before = state;

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(List.of(), tick.replies());
        assertEquals(List.of(), tick.events());
        assertEquals(before, tick.state());
    }

    @Test
    void theTickSendsNothingToACitizenWhoOptedOut() {
        choose("fr");
        subscribe(18);
        send("ARRET");
        CitizenState before = state;

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(List.of(), tick.replies());
        assertEquals(List.of(), tick.events());
        assertEquals(before, tick.state());
        assertEquals(18, state.dailyHour(), "STOP silences the daily lesson without forgetting the hour");
    }

    @Test
    void afterStartTheDailyLessonComesAgain() {
        choose("en");
        subscribe(18);
        send("STOP");
        send("START");

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(1, tick.replies().size());
        assertEquals(List.of(new LessonDelivered(course(1).id(), course(1).lessons().get(0).id())), tick.events());
    }

    @Test
    void theTickSendsNothingToACitizenWithoutALanguage() {
        state = new CitizenState(Stage.LANGUAGE, "", "", "", Map.of(), 0, false, 18);

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(List.of(), tick.replies());
        assertEquals(List.of(), tick.events());
        assertEquals(Stage.LANGUAGE, state.stage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "pt"})
    void theFirstTickStartsTheFirstCourseLikeChoosingItFromTheMenu(String language) {
        choose(language);
        subscribe(18);
        Course course = course(1);
        Turn fromMenu = engine.handle(state, "1");

        Turn tick = deliver(new Incoming.DailyLesson());

        assertSameTurn(fromMenu, tick);
        assertEquals(1, tick.replies().size());
        String reply = tick.replies().get(0).text();
        assertTrue(reply.startsWith(msg(language, LESSON_INTRO, Map.of("n", "1",
                "total", String.valueOf(course.lessons().size()), "title", course.lessons().get(0).title().in(language)))),
                reply);
        assertTrue(reply.endsWith(step(language, course, 0, 0)), reply);
        assertEquals(List.of(new LessonDelivered(course.id(), course.lessons().get(0).id())), tick.events());
        assertEquals(Stage.LESSON, state.stage());
        assertEquals(course.id(), state.course());
    }

    @Test
    void aTickMidLessonResumesAtTheSameStepWithoutCountingTheLessonAgain() {
        choose("en");
        subscribe(18);
        Course course = course(1);
        send("1");
        send("NEXT");
        Turn fromMenu = engine.handle(engine.handle(state, "MENU").state(), "1");

        Turn tick = deliver(new Incoming.DailyLesson());

        assertSameTurn(fromMenu, tick);
        String reply = tick.replies().get(0).text();
        assertTrue(reply.startsWith(msg("en", RESUME, Map.of("course", course.title().in("en")))), reply);
        assertTrue(reply.endsWith(step("en", course, 0, 1)), reply);
        assertEquals(List.of(), tick.events(), "no LessonDelivered mid-lesson");
        assertEquals(new CourseProgress(0, 1, false), state.progressIn(course.id()));
    }

    @Test
    void aTickAfterALessonStartsTheNextLesson() {
        choose("sw");
        subscribe(9);
        Course course = course(1);
        send("1");
        readToQuiz(course.lessons().get(0));
        send(String.valueOf(course.lessons().get(0).quiz().answer()));
        assertEquals(Stage.LESSON_DONE, state.stage());
        Turn fromMenu = engine.handle(state.withStage(Stage.MENU), "1");

        Turn tick = deliver(new Incoming.DailyLesson());

        assertSameTurn(fromMenu, tick);
        String reply = tick.replies().get(0).text();
        assertTrue(reply.contains(msg("sw", LESSON_INTRO, Map.of("n", "2",
                "total", String.valueOf(course.lessons().size()), "title", course.lessons().get(1).title().in("sw")))),
                reply);
        assertTrue(reply.endsWith(step("sw", course, 1, 0)), reply);
        assertEquals(List.of(new LessonDelivered(course.id(), course.lessons().get(1).id())), tick.events());
        assertEquals(new CourseProgress(1, 0, false), state.progressIn(course.id()));
    }

    @Test
    void aTickDuringTheQuizAsksTheQuizAgain() {
        choose("en");
        subscribe(18);
        Lesson lesson = course(1).lessons().get(0);
        send("1");
        readToQuiz(lesson);

        Turn tick = deliver(new Incoming.DailyLesson());

        assertShowsQuiz("en", lesson.quiz(), tick.replies().get(0).text());
        assertEquals(Stage.QUIZ, state.stage());
        assertEquals(List.of(), tick.events());
    }

    @Test
    void aTickAfterACourseStartsTheOfferedCourse() {
        choose("fr");
        subscribe(18);
        Course first = course(1);
        Course second = course(2);
        send("1");
        completeCurrentCourse(first);
        assertEquals(second.id(), state.offeredCourse());
        assertEquals("", state.course());

        Turn tick = deliver(new Incoming.DailyLesson());

        String reply = tick.replies().get(0).text();
        assertFalse(reply.contains(msg("fr", RESUME, Map.of("course", second.title().in("fr")))), reply);
        assertTrue(reply.endsWith(step("fr", second, 0, 0)), reply);
        assertEquals(List.of(new LessonDelivered(second.id(), second.lessons().get(0).id())), tick.events());
        assertEquals(second.id(), state.course());
        assertEquals("", state.offeredCourse());
    }

    @Test
    void aTickAfterTheSecondCourseStartsTheOfferedFirstOne() {
        choose("en");
        subscribe(18);
        send("2");
        completeCurrentCourse(course(2));
        assertEquals(course(1).id(), state.offeredCourse());

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(course(1).id(), state.course());
        assertEquals(List.of(new LessonDelivered(course(1).id(), course(1).lessons().get(0).id())), tick.events());
    }

    @Test
    void aTickWithNoCourseAndNoOfferStartsTheFirstCourseNotCompleted() {
        Course first = course(1);
        Course second = course(2);
        state = new CitizenState(Stage.MENU, "pt", "", "", Map.of(first.id(), new CourseProgress(0, -1, true)), 0,
                false, 18);
        Turn fromMenu = engine.handle(state, "2");

        Turn tick = deliver(new Incoming.DailyLesson());

        assertSameTurn(fromMenu, tick);
        assertEquals(second.id(), state.course());
        assertTrue(tick.replies().get(0).text().endsWith(step("pt", second, 0, 0)), tick.replies()::toString);
        assertEquals(List.of(new LessonDelivered(second.id(), second.lessons().get(0).id())), tick.events());
    }

    @Test
    void aTickAfterEveryCourseIsDoneSendsNothing() {
        choose("en");
        subscribe(18);
        send("1");
        for (int c = 1; c <= catalog.courses().size(); c++) {
            if (c > 1) {
                send("NEXT");
            }
            completeCurrentCourse(course(c));
        }
        CitizenState before = state;

        Turn tick = deliver(new Incoming.DailyLesson());

        assertEquals(List.of(), tick.replies());
        assertEquals(List.of(), tick.events());
        assertEquals(before, tick.state());
    }

    // ---- unreadable messages ---------------------------------------------------------------------

    @Test
    void anUnreadableFirstMessageGetsTheApologyInTheDefaultLanguage() {
        Turn t = deliver(new Incoming.Unreadable());

        assertEquals(List.of(msg(catalog.defaultLanguage().code(), UNREADABLE)), texts(t));
        assertEquals(List.of(), t.events());
        assertEquals(Stage.NEW, state.stage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void anUnreadableMessageGetsTheApologyInTheCitizensLanguageAndChangesNothing(String language) {
        choose(language);
        send("1");
        CitizenState before = state;

        Turn t = deliver(new Incoming.Unreadable());

        assertEquals(List.of(msg(language, UNREADABLE)), texts(t));
        assertEquals(List.of(), t.events());
        assertEquals(before, state);
    }

    @Test
    void anUnreadableMessageAfterStopGetsNothing() {
        choose("sw");
        send("ACHA");

        Turn t = deliver(new Incoming.Unreadable());

        assertEquals(List.of(), t.replies());
        assertEquals(List.of(), t.events());
        assertTrue(state.optedOut());
    }

    // ---- quiz choices ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void theQuizReplyCarriesTheOptionsAsChoices(String language) {
        choose(language);
        Lesson lesson = course(1).lessons().get(0);
        Quiz quiz = lesson.quiz();
        send("1");

        readToQuiz(lesson);

        List<Reply.Choice> choices = last.replies().get(0).choices();
        assertEquals(quiz.options().size(), choices.size());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i").subList(0, choices.size()),
                choices.stream().map(Reply.Choice::id).toList());
        assertEquals(quiz.options().stream().map(o -> o.in(language)).toList(),
                choices.stream().map(Reply.Choice::title).toList());
    }

    @Test
    void everyQuizOfEveryCourseCarriesItsChoices() {
        for (Course course : catalog.courses()) {
            for (int l = 0; l < course.lessons().size(); l++) {
                Lesson lesson = course.lessons().get(l);
                Map<String, CourseProgress> lastStep = Map.of(course.id(),
                        new CourseProgress(l, lesson.steps().size() - 1, false));
                for (String language : LANGUAGES) {
                    Turn t = engine.handle(
                            new CitizenState(Stage.LESSON, language, course.id(), "", lastStep, 0, false, -1), "NEXT");
                    List<String> titles = lesson.quiz().options().stream().map(o -> o.in(language)).toList();
                    assertEquals(titles, t.replies().get(0).choices().stream().map(Reply.Choice::title).toList(),
                            course.id() + "/" + lesson.id() + " " + language);
                }
            }
        }
    }

    @Test
    void sendingBackAChoiceIdAnswersTheQuiz() {
        choose("fr");
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        send("1");
        readToQuiz(lesson);
        Reply.Choice right = last.replies().get(0).choices().get(lesson.quiz().answer() - 1);

        send(right.id());

        assertEquals(List.of(new QuizAnswered(course.id(), lesson.id(), true)), last.events());
    }

    @Test
    void aResumedQuizCarriesTheChoicesToo() {
        choose("en");
        Lesson lesson = course(1).lessons().get(0);
        send("1");
        readToQuiz(lesson);
        send("MENU");

        send("1");

        assertEquals(lesson.quiz().options().size(), last.replies().get(0).choices().size());
    }

    @Test
    void repliesThatAreNotAQuizCarryNoChoices() {
        choose("en");
        assertEquals(List.of(), last.replies().get(0).choices(), "menu");
        turn("1");
        assertEquals(List.of(), last.replies().get(0).choices(), "first step");
        turn("HELP");
        assertEquals(List.of(), last.replies().get(0).choices(), "help");
    }

    // ---- USSD ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void aUssdSessionFromDiallingInToTheSecondLessonAndBackToTheMenu(String language) {
        surface = Surface.USSD;
        Course course = course(1);
        Lesson first = course.lessons().get(0);
        Lesson second = course.lessons().get(1);
        Quiz quiz = first.quiz();

        // the USSD channel sends START when a session opens
        String hello = send("START");
        assertTrue(hello.startsWith(ussd("en", WELCOME, Map.of())), hello);
        assertEquals(Stage.LANGUAGE, state.stage());

        String menu = send(String.valueOf(LANGUAGES.indexOf(language) + 1));
        assertEquals(ussd(language, LANGUAGE_SET, Map.of()) + "\n" + ussdMenu(language), menu);
        assertShowsMenu(language, menu, Surface.USSD);
        assertFalse(menu.contains(msg(language, MENU_FOOTER)), "no footer line on USSD: " + menu);
        assertEquals(Stage.MENU, state.stage());

        String opening = send("1");
        assertEquals(ussd(language, LESSON_INTRO, Map.of("n", "1", "total", String.valueOf(course.lessons().size()),
                "title", first.title().in(language))) + "\n" + ussdStep(language, course, 0, 0), opening);
        assertEquals(List.of(new LessonDelivered(course.id(), first.id())), last.events());

        for (int s = 1; s < first.steps().size(); s++) {
            assertEquals(ussdStep(language, course, 0, s), send("1"));
            assertEquals(new CourseProgress(0, s, false), state.progressIn(course.id()));
        }

        String question = send("1");
        assertEquals(Stage.QUIZ, state.stage());
        assertEquals(ussdQuiz(language, quiz), question);
        for (int i = 1; i <= quiz.options().size(); i++) {
            assertTrue(question.contains(msg(language, QUIZ_OPTION,
                    Map.of("letter", String.valueOf(i), "text", quiz.options().get(i - 1).in(language)))), question);
            assertFalse(question.contains(QuizGrader.letter(i) + ") "), question);
        }
        assertEquals(quiz.options().size(), last.replies().get(0).choices().size());

        String done = send(String.valueOf(quiz.answer()));
        assertEquals(ussd(language, QUIZ_RIGHT, Map.of("explanation", quiz.explanation().in(language))) + "\n"
                + ussd(language, LESSON_DONE, Map.of("n", "2", "title", second.title().in(language))), done);
        assertEquals(List.of(new QuizAnswered(course.id(), first.id(), true)), last.events());
        assertEquals(Stage.LESSON_DONE, state.stage());

        String next = send("1");
        assertEquals(ussd(language, LESSON_INTRO, Map.of("n", "2", "total", String.valueOf(course.lessons().size()),
                "title", second.title().in(language))) + "\n" + ussdStep(language, course, 1, 0), next);
        assertEquals(List.of(new LessonDelivered(course.id(), second.id())), last.events());
        assertEquals(Stage.LESSON, state.stage());

        String back = send("0");
        assertEquals(ussdMenu(language), back);
        assertEquals(Stage.MENU, state.stage());
        assertEquals(new CourseProgress(1, 0, false), state.progressIn(course.id()), "the menu keeps the progress");
    }

    @Test
    void onUssdTheQuizLettersAreNumbers() {
        surface = Surface.USSD;
        choose("en");
        Lesson lesson = course(1).lessons().get(0);
        Quiz quiz = lesson.quiz();
        String numbers = IntStream.rangeClosed(1, quiz.options().size()).mapToObj(String::valueOf)
                .collect(Collectors.joining("/"));
        send("1");
        readToQuiz(lesson);

        String retry = send(String.valueOf(wrongAnswer(quiz)));
        assertEquals(ussd("en", QUIZ_WRONG_RETRY, Map.of("hint", quiz.hint().in("en"), "letters", numbers)), retry);

        String pending = send("7");
        assertEquals(ussd("en", QUIZ_PENDING, Map.of("letters", numbers)), pending);

        String revealed = send(String.valueOf(wrongAnswer(quiz)));
        assertTrue(revealed.startsWith(ussd("en", QUIZ_WRONG_FINAL, Map.of("letter", String.valueOf(quiz.answer()),
                "answer", quiz.rightOption().in("en"), "explanation", quiz.explanation().in("en")))), revealed);
    }

    @Test
    void onUssdZeroDuringTheQuizIsNotTheMenu() {
        surface = Surface.USSD;
        choose("fr");
        Lesson lesson = course(1).lessons().get(0);
        send("1");
        readToQuiz(lesson);

        String reply = send("0");

        assertEquals(Stage.QUIZ, state.stage());
        assertFalse(reply.contains(msg("fr", MENU_HEADER, Map.of(), Surface.USSD)), reply);
        assertEquals(List.of(), last.events());
    }

    @Test
    void onUssdOneDuringTheQuizIsTheFirstOption() {
        surface = Surface.USSD;
        choose("en");
        Course course = course(1);
        Lesson lesson = course.lessons().get(0);
        send("1");
        readToQuiz(lesson);

        send("1");

        assertEquals(List.of(new QuizAnswered(course.id(), lesson.id(), lesson.quiz().answer() == 1)), last.events());
    }

    @ParameterizedTest
    @CsvSource({"LESSON_DONE", "DAILY_HOUR", "QUESTION", "MENU"})
    void onUssdZeroGoesToTheMenuOutsideTheQuiz(Stage stage) {
        surface = Surface.USSD;
        choose("pt");
        send("1");
        switch (stage) {
            case LESSON_DONE -> {
                readToQuiz(course(1).lessons().get(0));
                send(String.valueOf(course(1).lessons().get(0).quiz().answer()));
            }
            case DAILY_HOUR -> send("DIARIO");
            case QUESTION -> {
                send("0");
                send(String.valueOf(catalog.courses().size() + 1));
            }
            default -> send("0");
        }
        assertEquals(stage, state.stage());

        String reply = send("0");

        assertEquals(ussdMenu("pt"), reply);
        assertEquals(Stage.MENU, state.stage());
    }

    @Test
    void onTextOneAndZeroAreNotShortcuts() {
        choose("en");
        Course course = course(1);
        send("1");

        String one = send("1");
        assertTrue(one.startsWith(msg("en", NOT_UNDERSTOOD)), one);
        assertEquals(new CourseProgress(0, 0, false), state.progressIn(course.id()), "'1' is not NEXT on text");

        send("1");
        String zero = send("0");
        assertTrue(zero.startsWith(msg("en", NOT_UNDERSTOOD)), "'0' is not MENU on text: " + zero);
    }

    @Test
    void onUssdHelpIsTheShortHelp() {
        surface = Surface.USSD;
        choose("sw");

        String reply = send("MSAADA");

        assertEquals(ussd("sw", HELP, Map.of()), reply);
        assertFalse(reply.equals(msg("sw", HELP)), "the USSD help has its own text");
    }

    /**
     * A citizen on USSD and one on SMS going through every course side by side, typing "1" where the
     * other types NEXT: same states and events at every turn, and different words wherever the
     * content has a USSD form. Some USSD replies of the real content are longer than one 182-character
     * screen (a lesson's first screen in some languages, the end of a course); the USSD channel pages
     * those, so their length is not checked here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt", "sw"})
    void ussdAndTextGoThroughEveryCourseAlikeInShorterWords(String language) {
        choose(language);
        CitizenState onText = state;
        CitizenState onUssd = state;
        List<String> typedOnText = new ArrayList<>(List.of("1"));
        List<String> typedOnUssd = new ArrayList<>(List.of("1"));
        for (int c = 1; c <= catalog.courses().size(); c++) {
            Course course = course(c);
            for (int l = 0; l < course.lessons().size(); l++) {
                Lesson lesson = course.lessons().get(l);
                if (l > 0 || c > 1) {
                    typedOnText.add(nextWord(language));
                    typedOnUssd.add(c > 1 && l == 0 ? nextWord(language) : "1");
                }
                for (int s = 0; s < lesson.steps().size(); s++) {
                    typedOnText.add(nextWord(language));
                    typedOnUssd.add("1");
                }
                typedOnText.add(String.valueOf(lesson.quiz().answer()));
                typedOnUssd.add(String.valueOf(lesson.quiz().answer()));
            }
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < typedOnText.size(); i++) {
            Turn text = engine.handle(onText, typedOnText.get(i));
            Turn ussd = engine.handle(onUssd, new Incoming.Text(typedOnUssd.get(i)), Surface.USSD);
            assertEquals(text.state(), ussd.state(), "turn " + i);
            assertEquals(text.events(), ussd.events(), "turn " + i);
            assertEquals(1, ussd.replies().size(), "turn " + i);
            boolean lastOfAll = i == typedOnText.size() - 1; // ends with ALL_COURSES_DONE, which has no USSD form
            if (!lastOfAll && texts(text).equals(texts(ussd))) {
                failures.add("turn " + i + " '" + typedOnUssd.get(i) + "': " + texts(ussd));
            }
            onText = text.state();
            onUssd = ussd.state();
        }
        assertEquals(List.of(), failures);
        CitizenState end = onUssd;
        catalog.courses().forEach(c -> assertTrue(end.progressIn(c.id()).completed(), c.id()));
    }

    // ---- one reply per message ------------------------------------------------------------------

    @Test
    void everyMessageGetsExactlyOneReplyUntilStop() {
        List<String> script = new ArrayList<>(List.of("hi", "nonsense", "HELP", "1", "MENU", "99", "1", "NEXT",
                QUESTION, "NEXT", "LANG", "xx", "2", "AIDE", "1"));
        for (Lesson lesson : course(1).lessons()) {
            script.addAll(IntStream.range(0, lesson.steps().size()).mapToObj(i -> "SUITE").toList());
            script.addAll(List.of("z", "SUITE", QUESTION, "9", String.valueOf(wrongAnswer(lesson.quiz())),
                    String.valueOf(wrongAnswer(lesson.quiz())), "SUITE"));
        }
        script.addAll(List.of("MENU", String.valueOf(catalog.courses().size() + 1), QUESTION, "", "   ", "!!!",
                "START", "SUITE", "MENU"));

        for (String typed : script) {
            Turn t = turn(typed);
            assertEquals(1, t.replies().size(), () -> "'" + typed + "' got " + t.replies());
            assertFalse(t.replies().get(0).text().isBlank(), () -> "'" + typed + "' got a blank reply");
        }
        assertTrue(state.progressIn(course(1).id()).completed(), "the script went through the whole course");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static QuestionAnswerer always(Understanding understanding) {
        return (question, language) -> understanding;
    }

    /** Understands the listed questions as given and nothing else. */
    private static QuestionAnswerer scripted(Map<String, Understanding> understandings) {
        return (question, language) -> understandings.getOrDefault(question, new Understanding.Unknown(List.of()));
    }

    private static CitizenState atMenu(String language) {
        return new CitizenState(Stage.MENU, language, "", "", Map.of(), 0, false, -1);
    }

    /** A country detail as the citizen reads it: the deployment's value or the content's neutral words. */
    private static String detail(String name, String language, Map<String, String> country) {
        return country.containsKey(name) ? country.get(name) : msg(language, NEUTRAL.get(name));
    }

    private static String answerText(String intent, String language, Map<String, String> country) {
        Map<String, String> values = new HashMap<>();
        NEUTRAL.keySet().forEach(name -> values.put(name, detail(name, language, country)));
        return Templates.fill(catalog.answer(intent).orElseThrow().text().in(language), values);
    }

    private static String title(String intent, String language) {
        return catalog.answer(intent).orElseThrow().title().in(language);
    }

    private static String didYouMean(String language, String first, String second) {
        return msg(language, DID_YOU_MEAN, Map.of("first", title(first, language), "second", title(second, language)));
    }

    private static String learnOffer(String language, Course course) {
        return msg(language, LEARN_OFFER, Map.of("course", course.title().in(language)));
    }

    private static String helpline(String language, String number) {
        return msg(language, ASK_HELPLINE, Map.of("helpline", number));
    }

    /** The course an answer offers. */
    private static Course taughtBy(String intent) {
        return catalog.course(catalog.answer(intent).orElseThrow().course().orElseThrow()).orElseThrow();
    }

    private static List<ConversationEvent> unanswered(String question, String language) {
        return unanswered(question, language, List.of());
    }

    private static List<ConversationEvent> unanswered(String question, String language, List<String> candidates) {
        return List.of(new QuestionAsked(), new QuestionUnanswered(),
                new UnansweredQuestion(question, language, candidates));
    }

    private static void assertNoPlaceholderLeft(String reply) {
        assertFalse(reply.contains("{") || reply.contains("}"), reply);
    }

    private static LocalizedText inEveryLanguage(java.util.function.Function<String, String> text) {
        Map<String, String> texts = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> texts.put(l, text.apply(l)));
        return new LocalizedText(texts);
    }

    /** The real catalog plus one more answer. */
    private static Catalog withAnswer(Answer answer) {
        Map<String, Answer> answers = new HashMap<>(catalog.answers());
        answers.put(answer.intent(), answer);
        return new Catalog(catalog.languages(), catalog.courses(), answers);
    }

    /** A new citizen in {@code language} at the quiz of the first lesson of the first course. */
    private Quiz toFirstQuiz(String language) {
        choose(language);
        send("1");
        readToQuiz(course(1).lessons().get(0));
        return course(1).lessons().get(0).quiz();
    }

    /** After a question during the first quiz: still at the quiz, its choices offered, and it can be answered. */
    private void assertQuizStillOpen(Quiz quiz, List<ConversationEvent> events) {
        assertEquals(events, last.events());
        assertEquals(Stage.QUIZ, state.stage());
        assertEquals(0, state.quizAttempts(), "a question is not a wrong answer");
        assertEquals(quiz.options().size(), last.replies().get(0).choices().size());
        send(String.valueOf(quiz.answer()));
        assertTrue(last.events().contains(new QuizAnswered(course(1).id(), course(1).lessons().get(0).id(), true)),
                last.events()::toString);
    }

    /** From a fresh citizen at the menu: asks {@link #QUESTION} (which must be unsure), then sends {@code typed}. */
    private String clarifyThen(String language, String typed) {
        state = atMenu(language);
        send(QUESTION);
        assertEquals(Stage.CLARIFY, state.stage());
        return send(typed);
    }

    /** Sends one message, checks it got exactly one reply, and returns that reply. */
    private String send(String text) {
        Turn t = turn(text);
        assertEquals(1, t.replies().size(), () -> "'" + text + "' should get exactly one reply, got " + t.replies());
        return t.replies().get(0).text();
    }

    /** Sends one message on {@link #surface} (the two-argument text entry point for TEXT). */
    private Turn turn(String text) {
        last = surface == Surface.TEXT ? engine.handle(state, text)
                : engine.handle(state, new Incoming.Text(text), surface);
        state = last.state();
        return last;
    }

    /** Something other than typed text: an unreadable message or the daily lesson tick. */
    private Turn deliver(Incoming incoming) {
        last = engine.handle(state, incoming, surface);
        state = last.state();
        return last;
    }

    private static List<String> texts(Turn turn) {
        return turn.replies().stream().map(Reply::text).toList();
    }

    /** From the menu: asks for the daily lesson and gives {@code hour}, leaving the citizen at the menu. */
    private void subscribe(int hour) {
        send(dailyWord(state.language()));
        send(String.valueOf(hour));
        assertEquals(hour, state.dailyHour());
        assertEquals(Stage.MENU, state.stage());
    }

    /** The same replies (texts and choices), events and new state. */
    private static void assertSameTurn(Turn expected, Turn actual) {
        assertEquals(expected.replies(), actual.replies());
        assertEquals(expected.events(), actual.events());
        assertEquals(expected.state(), actual.state());
    }

    /** A newcomer who picks {@code language} from the list, leaving them at the menu. */
    private void choose(String language) {
        send("hello");
        send(String.valueOf(LANGUAGES.indexOf(language) + 1));
        assertEquals(language, state.language());
        assertEquals(Stage.MENU, state.stage());
    }

    /** From the first step of {@code lesson}, sends NEXT until the quiz; returns the quiz text. */
    private String readToQuiz(Lesson lesson) {
        String next = nextWord(state.language());
        String reply = "";
        for (int s = 0; s < lesson.steps().size(); s++) {
            reply = send(next);
        }
        assertEquals(Stage.QUIZ, state.stage());
        return reply;
    }

    /** From the first step of the course's first lesson, reads and answers every lesson rightly. */
    private String completeCurrentCourse(Course course) {
        String reply = "";
        for (int l = 0; l < course.lessons().size(); l++) {
            if (l > 0) {
                send(nextWord(state.language()));
            }
            readToQuiz(course.lessons().get(l));
            reply = send(String.valueOf(course.lessons().get(l).quiz().answer()));
        }
        assertTrue(last.events().contains(new CourseCompleted(course.id())), last.events()::toString);
        return reply;
    }

    /**
     * Which command {@code typed} is understood as, judged by what it does to a citizen reading the
     * first step of the first course with the second one on offer (and, to tell START from MENU, to
     * one who has opted out).
     */
    private Command observedCommand(String language, String typed) {
        Course course = course(1);
        Course offered = course(2);
        Map<String, CourseProgress> progress = Map.of(course.id(), new CourseProgress(0, 0, false));
        CitizenState reading = new CitizenState(Stage.LESSON, language, course.id(), offered.id(), progress, 0, false, 18);
        Turn t = engine.handle(reading, typed);
        String reply = String.join("\n", texts(t));
        if (t.state().optedOut() && t.events().equals(List.of(new OptedOut()))) {
            return Command.STOP;
        }
        if (t.state().stage() == Stage.LANGUAGE) {
            return Command.LANG;
        }
        if (t.state().stage() == Stage.DAILY_HOUR && reply.equals(msg(language, DAILY_ASK, DAILY_RANGE))) {
            return Command.DAILY;
        }
        if (!t.state().subscribedDaily() && reply.equals(msg(language, DAILY_OFF))) {
            return Command.DAILY_OFF;
        }
        if (reply.equals(msg(language, HELP))) {
            return Command.HELP;
        }
        if (t.state().stage() == Stage.LESSON && t.state().progressIn(course.id()).step() == 1) {
            return Command.NEXT;
        }
        if (t.state().stage() == Stage.LESSON && t.state().course().equals(offered.id())) {
            return Command.LEARN;
        }
        if (t.events().isEmpty() && reply.startsWith(msg(language, MENU_HEADER))) {
            CitizenState stopped = new CitizenState(Stage.LESSON, language, course.id(), offered.id(), progress, 0, true, 18);
            return engine.handle(stopped, typed).events().equals(List.of(new OptedIn())) ? Command.START : Command.MENU;
        }
        return null;
    }

    private void assertShowsMenu(String language, String reply) {
        assertShowsMenu(language, reply, Surface.TEXT);
    }

    private static void assertShowsMenu(String language, String reply, Surface on) {
        assertTrue(reply.endsWith(menu(language, on)), reply);
    }

    private static String ussdMenu(String language) {
        return menu(language, Surface.USSD);
    }

    /** The menu as a block of lines: header, the courses, "ask a question", "daily lesson", footer. */
    private static String menu(String language, Surface on) {
        List<String> lines = new ArrayList<>();
        lines.add(msg(language, MENU_HEADER, Map.of(), on));
        List<Course> courses = catalog.courses();
        for (int i = 0; i < courses.size(); i++) {
            lines.add(msg(language, MENU_ITEM,
                    Map.of("n", String.valueOf(i + 1), "title", courses.get(i).title().in(language)), on));
        }
        lines.add(msg(language, MENU_ITEM,
                Map.of("n", String.valueOf(courses.size() + 1), "title", msg(language, MENU_ASK, Map.of(), on)), on));
        lines.add(msg(language, MENU_ITEM,
                Map.of("n", String.valueOf(courses.size() + 2), "title", msg(language, MENU_DAILY, Map.of(), on)), on));
        String footer = msg(language, MENU_FOOTER, Map.of(), on);
        if (!footer.isEmpty()) {
            lines.add(footer);
        }
        return String.join("\n", lines);
    }

    private void assertShowsQuiz(String language, Quiz quiz, String reply) {
        String options = IntStream.rangeClosed(1, quiz.options().size())
                .mapToObj(i -> msg(language, QUIZ_OPTION, Map.of("letter", QuizGrader.letter(i),
                        "text", quiz.options().get(i - 1).in(language))))
                .collect(Collectors.joining("\n"));
        assertTrue(reply.endsWith(msg(language, QUIZ, Map.of("question", quiz.question().in(language),
                "options", options, "letters", letters(quiz)))), reply);
        for (int i = 1; i <= quiz.options().size(); i++) {
            assertTrue(reply.contains(QuizGrader.letter(i) + ") " + quiz.options().get(i - 1).in(language)), reply);
        }
    }

    private static String letters(Quiz quiz) {
        return IntStream.rangeClosed(1, quiz.options().size()).mapToObj(QuizGrader::letter)
                .collect(Collectors.joining("/"));
    }

    private static int wrongAnswer(Quiz quiz) {
        return quiz.answer() == 1 ? 2 : 1;
    }

    private static String dailyWord(String language) {
        return catalog.language(language).orElseThrow().commands().get(Command.DAILY).get(0);
    }

    private static String nextWord(String language) {
        return catalog.language(language).orElseThrow().commands().get(Command.NEXT).get(0);
    }

    private static Course course(int number) {
        return catalog.courses().get(number - 1);
    }

    private static String step(String language, Course course, int lesson, int step) {
        return msg(language, STEP, Map.of("text", course.lessons().get(lesson).steps().get(step).in(language)));
    }

    private static String msg(String language, MessageKey key) {
        return catalog.message(language, key);
    }

    private static String msg(String language, MessageKey key, Map<String, String> values) {
        return catalog.message(language, key, values);
    }

    private static String msg(String language, MessageKey key, Map<String, String> values, Surface on) {
        return catalog.message(language, key, values, on);
    }

    private static String ussd(String language, MessageKey key, Map<String, String> values) {
        return msg(language, key, values, Surface.USSD);
    }

    private static String ussdStep(String language, Course course, int lesson, int step) {
        return ussd(language, STEP, Map.of("text", course.lessons().get(lesson).steps().get(step).in(language)));
    }

    /** The quiz on a USSD screen: options numbered 1, 2, 3 instead of lettered. */
    private static String ussdQuiz(String language, Quiz quiz) {
        String options = IntStream.rangeClosed(1, quiz.options().size())
                .mapToObj(i -> ussd(language, QUIZ_OPTION, Map.of("letter", String.valueOf(i),
                        "text", quiz.options().get(i - 1).in(language))))
                .collect(Collectors.joining("\n"));
        String numbers = IntStream.rangeClosed(1, quiz.options().size()).mapToObj(String::valueOf)
                .collect(Collectors.joining("/"));
        return ussd(language, QUIZ, Map.of("question", quiz.question().in(language), "options", options,
                "letters", numbers));
    }
}
