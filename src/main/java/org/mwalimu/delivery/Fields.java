package org.mwalimu.delivery;

/** Field names of the inbound and outbound stream entries, shared by adapters and workers. */
public final class Fields {

    public static final String CHANNEL = "channel";
    public static final String ADDRESS = "address";
    public static final String TEXT = "text";
    public static final String MESSAGE_ID = "id";
    public static final String REPLY_TO = "replyTo";
    public static final String LANGUAGE = "language";
    public static final String AT = "at";
    public static final String KIND = "kind";
    public static final String CHOICES = "choices";
    public static final String ATTEMPTS = "attempts";

    /** Values of {@link #KIND} on inbound entries; absent means a text message. */
    public static final String KIND_UNREADABLE = "unreadable";
    public static final String KIND_DAILY = "daily";

    private Fields() {
    }
}
