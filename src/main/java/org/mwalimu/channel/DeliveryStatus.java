package org.mwalimu.channel;

/** Where an outbound message is; receipts only ever move it forward (see receipt.lua). */
public enum DeliveryStatus {
    QUEUED, SENT, DELIVERED, READ, FAILED
}
