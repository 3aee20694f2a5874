package org.mwalimu.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, never sooner than a provider's Retry-After. */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Whether a message that has failed {@code attempts} times may be tried again. */
    public boolean allowsAnother(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait before attempt {@code attempts + 1}: base·2^(attempts-1), capped, with ±25% jitter. */
    public Duration delay(int attempts, Optional<Duration> retryAfter) {
        long exponential = baseDelay.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(maxDelay.toMillis(), exponential);
        long jittered = (long) (capped * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5));
        return Duration.ofMillis(Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L)));
    }
}
