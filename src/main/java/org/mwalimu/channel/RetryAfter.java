package org.mwalimu.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Reads an HTTP Retry-After header: delta-seconds or an HTTP date; a date in the past means "now". */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> from(Map<String, String> headers, Clock clock) {
        String value = headers == null ? "" : headers.entrySet().stream()
                .filter(e -> "retry-after".equalsIgnoreCase(e.getKey()) && e.getValue() != null)
                .map(e -> e.getValue().strip()).findFirst().orElse("");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
