package org.mwalimu.store;

/** The Redis key schema, in one place. */
final class Keys {

    static final String EVENTS = "mw:events";
    static final String DAILY = "mw:daily";
    static final String DAILY_DETAILS = "mw:daily:details";
    static final String RETRIES = "mw:retry";
    static final String DEAD_OUT = "mw:dead:out";
    static final String UNANSWERED = "mw:unanswered";

    private Keys() {
    }

    static String stream(String stage, int partition) {
        return "mw:" + stage + ":" + partition;
    }

    static String lease(String stage, int partition) {
        return "mw:lease:" + stage + ":" + partition;
    }

    static String workers(String stage) {
        return "mw:workers:" + stage;
    }

    static String citizen(String address) {
        return "mw:citizen:" + address;
    }

    static String seen(String channel, String messageId) {
        return "mw:seen:" + channel + ":" + messageId;
    }

    static String simulatorOutbox(String address) {
        return "mw:sim:" + address;
    }

    static String deadLetters(String stage) {
        return "mw:dead:" + stage;
    }

    static String sentMessage(String account, String providerMessageId) {
        return "mw:msg:" + account + ":" + providerMessageId;
    }

    static String secret(String name) {
        return "mw:secret:" + name;
    }
}
