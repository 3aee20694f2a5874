package org.mwalimu.channel;

import java.time.Duration;
import java.util.Optional;

/** What a provider's answer to a send means. */
public sealed interface SendOutcome {

    /** Accepted; {@code providerMessageId} ties later receipts to this message. */
    record Sent(String providerMessageId) implements SendOutcome {
    }

    /** Worth trying again (429, 5xx, timeout), after {@code retryAfter} if the provider said so. */
    record Retry(String reason, Optional<Duration> retryAfter) implements SendOutcome {
    }

    /** Will never succeed (invalid number, blocked, bad credentials): straight to dead letters. */
    record Permanent(String reason) implements SendOutcome {
    }
}
