package org.mwalimu.channel;

/** A webhook payload that cannot be understood; answered with 400 and nothing queued. */
public class MalformedWebhookException extends Exception {

    public MalformedWebhookException(String message) {
        super(message, null, false, false);
    }
}
