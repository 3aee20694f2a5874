package org.mwalimu.channel;

import java.util.List;

/** Everything one webhook call carried: some providers batch several messages and receipts. */
public record WebhookBatch(List<InboundMessage> messages, List<StatusUpdate> statuses) {

    public WebhookBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }

    public static WebhookBatch of(InboundMessage message) {
        return new WebhookBatch(List.of(message), List.of());
    }

    public static WebhookBatch of(StatusUpdate status) {
        return new WebhookBatch(List.of(), List.of(status));
    }
}
