package org.mwalimu.conversation;

import java.util.List;

/** Something worth counting that happened in a turn; the pipeline adds time, channel, language, citizen. */
public sealed interface ConversationEvent {

    String type();

    record LessonDelivered(String course, String lesson) implements ConversationEvent {
        public String type() {
            return "lesson.delivered";
        }
    }

    record QuizAnswered(String course, String lesson, boolean correct) implements ConversationEvent {
        public String type() {
            return "quiz.answered";
        }
    }

    record CourseCompleted(String course) implements ConversationEvent {
        public String type() {
            return "course.completed";
        }
    }

    record QuestionAsked() implements ConversationEvent {
        public String type() {
            return "question.asked";
        }
    }

    record QuestionUnanswered() implements ConversationEvent {
        public String type() {
            return "question.unanswered";
        }
    }

    /**
     * The question itself, kept for the editors' next round of training (never counted in
     * statistics, never with a phone number).
     */
    record UnansweredQuestion(String question, String language, List<String> candidates) implements ConversationEvent {
        public UnansweredQuestion {
            candidates = List.copyOf(candidates);
        }

        public String type() {
            return "question.kept";
        }
    }

    record OptedOut() implements ConversationEvent {
        public String type() {
            return "optout";
        }
    }

    record OptedIn() implements ConversationEvent {
        public String type() {
            return "optin";
        }
    }
}
