package org.mwalimu.conversation;

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
