package org.mwalimu.delivery;

/** Names of the pipeline's stages (the Redis streams) and their consumer groups. */
public final class Streams {

    public static final String INBOUND = "in";
    public static final String REPLIES = "out";
    public static final String BULK = "bulk";
    public static final String CONVERSATION_GROUP = "conversation";
    public static final String SENDER_GROUP = "senders";

    private Streams() {
    }
}
