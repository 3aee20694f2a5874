package org.mwalimu.conversation;

import static org.mwalimu.content.MessageKey.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mwalimu.content.TextFold;
import org.mwalimu.content.Answer;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.Command;
import org.mwalimu.content.Course;
import org.mwalimu.content.LanguagePack;
import org.mwalimu.content.LessonScreens;
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
 * The dialogue: one citizen's state plus one message gives the new state, the replies and the
 * events. Pure and deterministic; every text comes from the {@link Catalog}.
 */
public final class ConversationEngine {

    private static final int QUIZ_TRIES = 2;

    private final Catalog catalog;
    private final QuestionAnswerer answerer;
    private final LessonScreens screens;
    private final IntPredicate dailyHourAllowed;
    private final int firstDailyHour;
    private final int lastDailyHour;
    private final Map<String, Command> commands = new HashMap<>();
    private final Map<String, String> languageChoices = new HashMap<>();

    /** An engine whose answers use the content's neutral wording for every country detail. */
    public ConversationEngine(Catalog catalog, QuestionAnswerer answerer, IntPredicate dailyHourAllowed) {
        this(catalog, answerer, dailyHourAllowed, Map.of());
    }

    /**
     * @param dailyHourAllowed which local hours a daily lesson may be sent at (outside quiet hours)
     * @param country          the deployment's portal_url, helpline, office_hours and short_code, where set
     */
    public ConversationEngine(Catalog catalog, QuestionAnswerer answerer, IntPredicate dailyHourAllowed,
                              Map<String, String> country) {
        this.catalog = catalog;
        this.answerer = answerer;
        this.screens = new LessonScreens(catalog, country);
        this.dailyHourAllowed = dailyHourAllowed;
        this.firstDailyHour = IntStream.range(0, 24).filter(dailyHourAllowed).findFirst().orElse(0);
        this.lastDailyHour = IntStream.range(0, 24).filter(dailyHourAllowed).reduce((a, b) -> b).orElse(23);
        for (LanguagePack pack : catalog.languages()) {
            pack.commands().forEach((command, words) -> words.stream().map(TextFold::fold)
                    .filter(w -> !w.isEmpty()).forEach(w -> commands.putIfAbsent(w, command)));
        }
        List<LanguagePack> languages = catalog.languages();
        for (int i = 0; i < languages.size(); i++) {
            LanguagePack pack = languages.get(i);
            languageChoices.put(String.valueOf(i + 1), pack.code());
            languageChoices.put(pack.code(), pack.code());
            languageChoices.put(TextFold.fold(pack.name()), pack.code());
        }
    }

    /** A text message on a text channel. */
    public Turn handle(CitizenState state, String text) {
        return handle(state, new Incoming.Text(text), Surface.TEXT);
    }

    public Turn handle(CitizenState state, Incoming incoming, Surface surface) {
        Dialogue dialogue = new Dialogue(state, surface);
        if (incoming instanceof Incoming.Text t) {
            return dialogue.respond(t.text());
        }
        if (incoming instanceof Incoming.Unreadable) {
            return dialogue.unreadable();
        }
        return dialogue.dailyLesson();
    }

    /** One turn's working memory: the state as it changes, the replies and events gathered. */
    private final class Dialogue {
        private CitizenState state;
        private final Surface surface;
        private final List<ConversationEvent> events = new ArrayList<>();
        private final StringBuilder reply = new StringBuilder();
        private List<Reply.Choice> choices = List.of();

        Dialogue(CitizenState state, Surface surface) {
            this.state = state;
            this.surface = surface;
        }

        Turn unreadable() {
            if (!state.optedOut()) {
                say(UNREADABLE);
            }
            return finish();
        }

        /** The scheduled lesson: the next step of the current course, or the next course. */
        Turn dailyLesson() {
            if (state.optedOut() || !state.subscribedDaily() || !state.hasLanguage()) {
                return finish();
            }
            Optional<Course> course = catalog.course(state.course())
                    .or(() -> catalog.course(state.offeredCourse()))
                    .or(() -> catalog.courses().stream().filter(c -> !state.progressIn(c.id()).completed()).findFirst());
            course.ifPresent(this::startCourse);
            return finish();
        }

        Turn respond(String text) {
            String folded = TextFold.fold(text);
            Optional<Command> command = Optional.ofNullable(commands.get(folded)).or(() -> ussdKey(folded));
            if (state.optedOut()) {
                if (command.equals(Optional.of(Command.START))) {
                    optIn();
                }
                return finish();
            }
            if (command.isPresent()) {
                onCommand(command.get());
            } else {
                onText(text, folded);
            }
            return finish();
        }

        /** On USSD screens "0" goes back to the menu and, in a lesson, any other key moves on. */
        private Optional<Command> ussdKey(String folded) {
            if (surface != Surface.USSD || !state.hasLanguage()) {
                return Optional.empty();
            }
            if (folded.equals("0") && state.stage() != Stage.QUIZ) {
                return Optional.of(Command.MENU);
            }
            // On a lesson screen any other key moves on too: there is nothing else to choose.
            boolean inLesson = state.stage() == Stage.LESSON || state.stage() == Stage.LESSON_DONE;
            return inLesson ? Optional.of(Command.NEXT) : Optional.empty();
        }

        private void onCommand(Command command) {
            state = state.withPending(List.of()); // a command closes any open "did you mean"
            switch (command) {
                case DAILY -> askDailyHour();
                case LEARN -> {
                    Optional<Course> offered = catalog.course(state.offeredCourse());
                    if (offered.isPresent()) {
                        startCourse(offered.get());
                    } else if (state.hasLanguage()) {
                        menu();
                    } else {
                        welcome();
                    }
                }
                case DAILY_OFF -> {
                    state = state.withDailyHour(-1);
                    say(DAILY_OFF);
                }
                case STOP -> {
                    state = state.withOptedOut(true);
                    events.add(new OptedOut());
                    say(STOPPED);
                }
                case START -> {
                    if (state.hasLanguage()) {
                        menu();
                    } else {
                        welcome();
                    }
                }
                case HELP -> {
                    say(HELP);
                    if (!state.hasLanguage()) {
                        languageChoice();
                    }
                }
                case LANG -> languageChoice();
                case MENU -> {
                    if (state.hasLanguage()) {
                        menu();
                    } else {
                        welcome();
                    }
                }
                case NEXT -> onNext();
            }
        }

        private void onNext() {
            if (!state.hasLanguage()) {
                welcome();
                return;
            }
            switch (state.stage()) {
                case LESSON -> advance();
                case LESSON_DONE -> showStep(currentCourse(), state.progressIn(state.course()).atStep(0), false, true);
                case QUIZ -> say(QUIZ_PENDING, Map.of("letters", letters(currentLesson().quiz())));
                default -> {
                    // The course under way comes first; an offer (next course, or a lesson offered
                    // with an answer) only when none is.
                    Optional<Course> next = catalog.course(state.course()).or(() -> catalog.course(state.offeredCourse()));
                    if (next.isPresent()) {
                        startCourse(next.get());
                    } else {
                        menu();
                    }
                }
            }
        }

        private void onText(String text, String folded) {
            switch (state.stage()) {
                case NEW, LANGUAGE -> {
                    String code = languageChoices.get(folded);
                    if (code != null) {
                        state = state.withLanguage(code);
                        say(LANGUAGE_SET);
                        menu();
                    } else if (state.stage() == Stage.NEW) {
                        welcome();
                    } else {
                        languageChoice();
                    }
                }
                case MENU -> onMenuChoice(text, folded);
                case QUIZ -> onQuizAnswer(text);
                case DAILY_HOUR -> onDailyHour(text, folded);
                case CLARIFY -> onClarify(text, folded);
                default -> ask(text);
            }
        }

        private void onMenuChoice(String text, String folded) {
            if (!folded.matches("\\d{1,3}")) {
                ask(text);
                return;
            }
            int choice = Integer.parseInt(folded);
            List<Course> courses = catalog.courses();
            if (choice >= 1 && choice <= courses.size()) {
                startCourse(courses.get(choice - 1));
            } else if (choice == courses.size() + 1) {
                state = state.withStage(Stage.QUESTION);
                say(ASK_PROMPT);
            } else if (choice == courses.size() + 2) {
                askDailyHour();
            } else {
                say(CHOOSE_NUMBER, Map.of("max", String.valueOf(courses.size() + 2)));
            }
        }

        private void askDailyHour() {
            if (!state.hasLanguage()) {
                welcome();
                return;
            }
            state = state.withStage(Stage.DAILY_HOUR);
            say(DAILY_ASK, dailyRange());
        }

        private void onDailyHour(String text, String folded) {
            Optional<Integer> hour = folded.matches("\\d{1,2}(?:h|[:h.]00)?")
                    ? Optional.of(Integer.parseInt(folded.replaceAll("\\D.*", ""))) : Optional.empty();
            if (hour.isEmpty()) {
                ask(text);
            } else if (hour.get() > 23 || !dailyHourAllowed.test(hour.get())) {
                say(DAILY_QUIET, dailyRange());
            } else {
                state = state.withDailyHour(hour.get()).withStage(Stage.MENU);
                say(DAILY_ON, Map.of("hour", String.valueOf(hour.get())));
            }
        }

        private Map<String, String> dailyRange() {
            return Map.of("first", String.valueOf(firstDailyHour), "last", String.valueOf(lastDailyHour));
        }

        private void onQuizAnswer(String text) {
            Course course = currentCourse();
            Lesson lesson = currentLesson();
            Quiz quiz = lesson.quiz();
            List<String> options = quiz.options().stream().map(o -> o.in(lang())).toList();
            Optional<Integer> choice = QuizGrader.choice(text, options);
            if (choice.isEmpty()) {
                if (!QuizGrader.looksLikeAttempt(text)) {
                    answerQuestion(text, false); // the quiz stays open
                }
                say(QUIZ_PENDING, Map.of("letters", letters(quiz)));
                offerChoices(quiz);
                return;
            }
            boolean correct = choice.get() == quiz.answer();
            events.add(new QuizAnswered(course.id(), lesson.id(), correct));
            if (correct) {
                say(QUIZ_RIGHT, Map.of("explanation", quiz.explanation().in(lang())));
                finishLesson(course);
            } else if (state.quizAttempts() + 1 < QUIZ_TRIES) {
                state = state.withQuizAttempts(state.quizAttempts() + 1);
                say(QUIZ_WRONG_RETRY, Map.of("hint", quiz.hint().in(lang()), "letters", letters(quiz)));
                offerChoices(quiz);
            } else {
                say(QUIZ_WRONG_FINAL, Map.of("letter", optionLabel(quiz.answer()),
                        "answer", quiz.rightOption().in(lang()), "explanation", quiz.explanation().in(lang())));
                finishLesson(course);
            }
        }

        /** Free text goes to the answerer, then to the menu when it has no answer. */
        private void ask(String text) {
            if (!answerQuestion(text, true)) {
                menu();
            } else if (state.stage() == Stage.QUESTION) {
                state = state.withStage(Stage.MENU);
            }
        }

        /**
         * Answers a question, asks which of two close topics was meant ({@code mayClarify}), or says
         * honestly that it did not understand; returns false in that last case.
         */
        private boolean answerQuestion(String text, boolean mayClarify) {
            events.add(new QuestionAsked());
            Understanding understanding = answerer.understand(text, lang());
            if (understanding instanceof Understanding.Known known) {
                giveAnswer(known.intent(), known.language());
                return true;
            }
            if (understanding instanceof Understanding.Unsure unsure) {
                if (!mayClarify) {
                    giveAnswer(unsure.first(), unsure.language());
                    return true;
                }
                state = state.withPending(List.of(unsure.first(), unsure.second())).withStage(Stage.CLARIFY);
                say(DID_YOU_MEAN, Map.of("first", answerTitle(unsure.first()), "second", answerTitle(unsure.second())));
                return true;
            }
            events.add(new QuestionUnanswered());
            events.add(new UnansweredQuestion(text, lang(), ((Understanding.Unknown) understanding).candidates()));
            say(NOT_UNDERSTOOD);
            say(ASK_HELPLINE, Map.of("helpline", screens.countryValues(lang()).get("helpline")));
            return false;
        }

        /** "1" or "2" picks a topic of the open "did you mean"; anything else is read afresh. */
        private void onClarify(String text, String folded) {
            List<String> pending = state.pending();
            state = state.withPending(List.of()).withStage(Stage.MENU);
            int choice = folded.equals("1") ? 0 : folded.equals("2") ? 1 : -1;
            if (choice >= 0 && choice < pending.size() && catalog.answer(pending.get(choice)).isPresent()) {
                giveAnswer(pending.get(choice), lang());
            } else {
                onMenuChoice(text, folded);
            }
        }

        /** The answer for {@code intent} with the country details filled in, and its lesson offered. */
        private void giveAnswer(String intent, String language) {
            Answer answer = catalog.answer(intent).orElseThrow();
            String in = catalog.language(language).isPresent() ? language : lang();
            line(Templates.fill(answer.text().in(in), screens.countryValues(in)));
            answer.course().flatMap(catalog::course).ifPresent(course -> {
                state = state.withOffer(course.id());
                line(catalog.message(in, LEARN_OFFER, Map.of("course", course.title().in(in)), surface));
            });
        }

        private String answerTitle(String intent) {
            return catalog.answer(intent).map(a -> a.title().in(lang())).orElse(intent);
        }

        private void startCourse(Course course) {
            CourseProgress progress = state.progressIn(course.id());
            if (progress.lesson() >= course.lessons().size()) {
                progress = CourseProgress.start(); // the course was shortened since this citizen's last visit
            }
            // A finished course is reviewed from where the review stands; it stays finished.
            boolean resuming = progress.lesson() > 0 || progress.step() >= 0;
            state = state.inCourse(course.id(), progress).withOffer("");
            if (resuming) {
                say(RESUME, Map.of("course", course.title().in(lang())));
            }
            Lesson lesson = course.lessons().get(progress.lesson());
            if (progress.step() >= lesson.steps().size()) {
                showQuiz(lesson.quiz());
            } else {
                showStep(course, progress.atStep(Math.max(progress.step(), 0)), resuming, progress.step() < 0);
            }
        }

        private void advance() {
            Course course = currentCourse();
            CourseProgress progress = state.progressIn(course.id());
            Lesson lesson = course.lessons().get(progress.lesson());
            int next = progress.step() + 1;
            if (next < lesson.steps().size()) {
                showStep(course, progress.atStep(next), false, false);
            } else {
                state = state.inCourse(course.id(), progress.atStep(lesson.steps().size()));
                showQuiz(lesson.quiz());
            }
        }

        /** Shows a step; {@code firstTime} marks the start of a lesson, counted as delivered. */
        private void showStep(Course course, CourseProgress progress, boolean withIntro, boolean firstTime) {
            Lesson lesson = course.lessons().get(progress.lesson());
            state = state.inCourse(course.id(), progress).withStage(Stage.LESSON);
            if (firstTime) {
                events.add(new LessonDelivered(course.id(), lesson.id()));
            }
            line(screens.step(lang(), course, progress.lesson(), progress.step(), withIntro, surface));
        }

        private void showQuiz(Quiz quiz) {
            state = state.withStage(Stage.QUIZ).withQuizAttempts(0);
            line(screens.quiz(lang(), quiz, surface));
            offerChoices(quiz);
        }

        /** Lets channels with buttons show the quiz options with this reply. */
        private void offerChoices(Quiz quiz) {
            choices = IntStream.rangeClosed(1, quiz.options().size())
                    .mapToObj(i -> new Reply.Choice(QuizGrader.letter(i).toLowerCase(Locale.ROOT),
                            quiz.options().get(i - 1).in(lang())))
                    .toList();
        }

        private void finishLesson(Course course) {
            CourseProgress progress = state.progressIn(course.id());
            int nextLesson = progress.lesson() + 1;
            state = state.withQuizAttempts(0);
            if (nextLesson < course.lessons().size()) {
                state = state.inCourse(course.id(), new CourseProgress(nextLesson, -1, progress.completed()))
                        .withStage(Stage.LESSON_DONE);
                say(LESSON_DONE, Map.of("n", String.valueOf(nextLesson + 1),
                        "title", course.lessons().get(nextLesson).title().in(lang())));
                return;
            }
            state = state.inCourse(course.id(), new CourseProgress(0, -1, true)).withoutCourse().withStage(Stage.MENU);
            if (!progress.completed()) {
                events.add(new CourseCompleted(course.id()));
            }
            say(COURSE_DONE, Map.of("course", course.title().in(lang())));
            say(COURSE_SUMMARY, Map.of("summary", course.summary().in(lang())));
            Optional<Course> next = catalog.courses().stream()
                    .filter(c -> !state.progressIn(c.id()).completed()).findFirst();
            if (next.isPresent()) {
                state = state.withOffer(next.get().id());
                say(NEXT_COURSE_OFFER, Map.of("title", next.get().title().in(lang())));
            } else {
                say(ALL_COURSES_DONE);
            }
        }

        private void menu() {
            state = state.withStage(Stage.MENU);
            say(MENU_HEADER);
            List<Course> courses = catalog.courses();
            for (int i = 0; i < courses.size(); i++) {
                say(MENU_ITEM, Map.of("n", String.valueOf(i + 1), "title", courses.get(i).title().in(lang())));
            }
            say(MENU_ITEM, Map.of("n", String.valueOf(courses.size() + 1), "title", text(MENU_ASK, Map.of())));
            say(MENU_ITEM, Map.of("n", String.valueOf(courses.size() + 2), "title", text(MENU_DAILY, Map.of())));
            say(MENU_FOOTER);
        }

        private void welcome() {
            say(WELCOME);
            languageChoice();
        }

        private void languageChoice() {
            state = state.withStage(Stage.LANGUAGE);
            line(catalog.languages().stream().map(l -> catalog.message(l.code(), CHOOSE_LANGUAGE))
                    .collect(Collectors.joining(" / ")) + ":");
            List<LanguagePack> languages = catalog.languages();
            for (int i = 0; i < languages.size(); i++) {
                line((i + 1) + " " + languages.get(i).name());
            }
        }

        private void optIn() {
            state = state.withOptedOut(false);
            events.add(new OptedIn());
            say(RESTARTED);
            if (state.hasLanguage()) {
                menu();
            } else {
                languageChoice();
            }
        }

        private Course currentCourse() {
            return catalog.course(state.course()).orElseGet(() -> catalog.courses().get(0));
        }

        private Lesson currentLesson() {
            Course course = currentCourse();
            return course.lessons().get(Math.min(state.progressIn(course.id()).lesson(), course.lessons().size() - 1));
        }

        private String lang() {
            return state.hasLanguage() ? state.language() : catalog.defaultLanguage().code();
        }

        private String letters(Quiz quiz) {
            return LessonScreens.letters(quiz, surface);
        }

        private String optionLabel(int index) {
            return LessonScreens.optionLabel(index, surface);
        }

        private String text(MessageKey key, Map<String, String> values) {
            return catalog.message(lang(), key, values, surface);
        }

        private void say(MessageKey key) {
            say(key, Map.of());
        }

        private void say(MessageKey key, Map<String, String> values) {
            line(text(key, values));
        }

        private void line(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (reply.length() > 0) {
                reply.append('\n');
            }
            reply.append(text);
        }

        private Turn finish() {
            List<Reply> replies = reply.length() == 0 ? List.of() : List.of(new Reply(reply.toString(), choices));
            return new Turn(state, replies, events);
        }
    }
}
