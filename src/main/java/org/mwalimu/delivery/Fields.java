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

    private Fields() {
    }
}
