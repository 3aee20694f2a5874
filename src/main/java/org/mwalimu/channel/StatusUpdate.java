package org.mwalimu.channel;

/** A provider's delivery receipt for a message we sent. {@code errorCode} is "" when there is none. */
public record StatusUpdate(String channel, String providerMessageId, DeliveryStatus status, String errorCode) {
}
