package org.mwalimu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mwalimu.content.MessageKey.ALL_COURSES_DONE;
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
import static org.mwalimu.content.MessageKey.HELP;
import static org.mwalimu.content.MessageKey.LANGUAGE_SET;
import static org.mwalimu.content.MessageKey.LESSON_DONE;
import static org.mwalimu.content.MessageKey.LESSON_INTRO;
import static org.mwalimu.content.MessageKey.MENU_ASK;
import static org.mwalimu.content.MessageKey.MENU_DAILY;
import static org.mwalimu.content.MessageKey.MENU_FOOTER;
import static org.mwalimu.content.MessageKey.MENU_HEADER;
import static org.mwalimu.content.MessageKey.MENU_ITEM;
import static org.mwalimu.content.MessageKey.NEXT_COURSE_OFFER;
import static org.mwalimu.content.MessageKey.QUIZ;
import static org.mwalimu.content.MessageKey.QUIZ_OPTION;
import static org.mwalimu.content.MessageKey.QUIZ_PENDING;
import static org.mwalimu.content.MessageKey.QUIZ_RIGHT;
import static org.mwalimu.content.MessageKey.QUIZ_WRONG_FINAL;
import static org.mwalimu.content.MessageKey.QUIZ_WRONG_RETRY;
import static org.mwalimu.content.MessageKey.RESTARTED;
import static org.mwalimu.content.MessageKey.RESUME;
import static org.mwalimu.content.MessageKey.STEP;
import static org.mwalimu.content.MessageKey.STOPPED;
import static org.mwalimu.content.MessageKey.UNREADABLE;
import static org.mwalimu.content.MessageKey.WELCOME;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
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
import org.mwalimu.content.Catalog;
import org.mwalimu.content.Command;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.Course;
import org.mwalimu.content.LanguagePack;
import org.mwalimu.content.Lesson;
import org.mwalimu.content.MessageKey;
import org.mwalimu.content.Quiz;
import org.mwalimu.content.Surface;
import org.mwalimu.conversation.ConversationEvent.CourseCompleted;
import org.mwalimu.conversation.ConversationEvent.LessonDelivered;
import org.mwalimu.conversation.ConversationEvent.OptedIn;
import org.mwalimu.conversation.ConversationEvent.OptedOut;
import org.mwalimu.conversation.ConversationEvent.QuestionAsked;
import org.mwalimu.conversation.ConversationEvent.QuestionUnanswered;
import org.mwalimu.conversation.ConversationEvent.QuizAnswered;

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
            "pt, Diário, DAILY", "pt, diário não, DAILY_OFF", "sw, kila siku, DAILY", "sw, Kila Siku Acha, DAILY_OFF"})
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

        assertTrue(last.replies().get(0).text().endsWith(msg("en", ALL_COURSES_DONE)), last.replies()::toString);
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
        assertTrue(last.events().contains(new QuestionUnanswered()));
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
    void freeTextGetsCannotAnswerYetAndTheMenu(String language) {
        choose(language);

        String reply = send(QUESTION);

        assertTrue(reply.startsWith(msg(language, NOT_UNDERSTOOD)), reply);
        assertShowsMenu(language, reply);
        assertEquals(List.of(new QuestionAsked(), new QuestionUnanswered()), last.events());
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
        assertEquals(List.of(new QuestionAsked(), new QuestionUnanswered()), last.events());
    }

    @Test
    void freeTextDuringALessonIsTreatedAsAQuestion() {
        choose("en");
        send("1");

        String reply = send(QUESTION);

        assertTrue(reply.startsWith(msg("en", NOT_UNDERSTOOD)), reply);
        assertEquals(List.of(new QuestionAsked(), new QuestionUnanswered()), last.events());
    }

    @Test
    void anAnswerFromTheAnswererIsSentInsteadOfTheApology() {
        engine = new ConversationEngine(catalog, (question, language) ->
                new Understanding.Known(NATIONAL_ID, language), DAILY_HOURS);
        choose("fr");
        send(String.valueOf(catalog.courses().size() + 1));

        String reply = send(QUESTION);

        assertEquals(answerText(NATIONAL_ID, "fr", DEFAULTS), reply);
        assertEquals(List.of(new QuestionAsked()), last.events());
        assertEquals(Stage.MENU, state.stage());
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
            script.addAll(List.of("z", "SUITE", QUESTION, "1", String.valueOf(wrongAnswer(lesson.quiz())),
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
     * first step of the first course (and, to tell START from MENU, to one who has opted out).
     */
    private Command observedCommand(String language, String typed) {
        Course course = course(1);
        Map<String, CourseProgress> progress = Map.of(course.id(), new CourseProgress(0, 0, false));
        CitizenState reading = new CitizenState(Stage.LESSON, language, course.id(), "", progress, 0, false, 18);
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
        if (t.events().isEmpty() && reply.startsWith(msg(language, MENU_HEADER))) {
            CitizenState stopped = new CitizenState(Stage.LESSON, language, course.id(), "", progress, 0, true, 18);
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
