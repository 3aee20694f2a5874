package org.mwalimu.channel;

/** Where an outbound message is; receipts only ever move it forward. */
public enum DeliveryStatus {
    QUEUED, SENT, DELIVERED, READ, FAILED;

    /** True when a receipt saying {@code next} should replace this status. */
    public boolean canMoveTo(DeliveryStatus next) {
        if (this == FAILED || this == READ) {
            return false;
        }
        return next == FAILED || next.ordinal() > ordinal();
    }
}
