package org.mwalimu.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mwalimu.channel.OutboundMessage;
import org.mwalimu.channel.ProviderRequest;
import org.mwalimu.channel.SendOutcome;
import org.mwalimu.content.SmsEncoding;
import org.mwalimu.store.Outbox;
import org.mwalimu.store.RateBuckets;
import org.mwalimu.store.StreamEntry;
import org.mwalimu.store.WorkStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbound messages of one channel through its provider's HTTP API: waits for the account's
 * rate limit, sends, then records the message as sent, parks it for a retry with backoff, or gives
 * it up as a dead letter — each atomically with the stream acknowledgement.
 */
public final class ProviderSender implements OutboundDispatcher.ChannelSender {

    /** Where and how fast to send. {@code sms} makes the text GSM-friendly and counts segments. */
    public record Route(String channel, String account, String baseUrl, double ratePerSecond, boolean sms) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSender.class);
    private static final double BULK_SHARE = 0.8;
    private static final long TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final WebClient client;
    private final Route route;
    private final ProviderApi api;
    private final RateBuckets buckets;
    private final Outbox outbox;
    private final RetryPolicy retries;
    private final SmsEncoding encoding;
    private final StatsEvents stats;

    public ProviderSender(Vertx vertx, WebClient client, Route route, ProviderApi api, RateBuckets buckets,
                          Outbox outbox, RetryPolicy retries, SmsEncoding encoding, StatsEvents stats) {
        this.vertx = vertx;
        this.client = client;
        this.route = route;
        this.api = api;
        this.buckets = buckets;
        this.outbox = outbox;
        this.retries = retries;
        this.encoding = encoding;
        this.stats = stats;
    }

    @Override
    public Future<Void> send(WorkStream stream, StreamEntry entry) {
        String text = route.sms() ? encoding.prepare(entry.field(Fields.TEXT)) : entry.field(Fields.TEXT);
        OutboundMessage message = new OutboundMessage(entry.field(Fields.ADDRESS), text,
                Choices.decode(entry.field(Fields.CHOICES)));
        boolean bulk = stream.stage().equals(Streams.BULK);
        return token(bulk)
                .compose(v -> post(api.request().apply(message)))
                .compose(outcome -> settle(stream, entry, text, outcome));
    }

    private Future<Void> token(boolean bulk) {
        return buckets.take(route.account(), route.ratePerSecond(), route.ratePerSecond() * BULK_SHARE, bulk)
                .compose(wait -> wait == 0 ? Future.succeededFuture()
                        : vertx.timer(wait).compose(t -> token(bulk)));
    }

    private Future<SendOutcome> post(ProviderRequest request) {
        HttpRequest<Buffer> http = client.postAbs(route.baseUrl() + request.path()).timeout(TIMEOUT_MS)
                .putHeader("Content-Type", request.contentType());
        request.headers().forEach(http::putHeader);
        return http.sendBuffer(Buffer.buffer(request.body()))
                .map(response -> {
                    Map<String, String> headers = new HashMap<>();
                    response.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
                    String body = response.bodyAsString() == null ? "" : response.bodyAsString();
                    return api.outcome().read(response.statusCode(), headers, body);
                })
                .otherwise(e -> new SendOutcome.Retry("no answer from the provider: " + e.getClass().getSimpleName(),
                        Optional.empty()));
    }

    private Future<Void> settle(WorkStream stream, StreamEntry entry, String text, SendOutcome outcome) {
        String address = entry.field(Fields.ADDRESS);
        String language = entry.field(Fields.LANGUAGE);
        int attempts = parseAttempts(entry) + 1;
        if (outcome instanceof SendOutcome.Sent sent) {
            Map<String, String> event = stats.event("message.sent", System.currentTimeMillis(), route.channel(),
                    language, address);
            event.put("segments", String.valueOf(route.sms() ? encoding.segments(text).count() : 0));
            event.put("attempts", String.valueOf(attempts));
            Map<String, String> record = Map.of("status", "sent", "channel", route.channel(), "language", language,
                    "citizen", stats.citizen(address));
            return outbox.sent(stream, entry, route.account(), sent.providerMessageId(), record, event);
        }
        if (outcome instanceof SendOutcome.Retry retry && retries.allowsAnother(attempts)) {
            long due = System.currentTimeMillis() + retries.delay(attempts, retry.retryAfter()).toMillis();
            Map<String, String> fields = new HashMap<>(entry.fields());
            fields.put(Fields.ATTEMPTS, String.valueOf(attempts));
            return outbox.retryLater(stream, entry, due, fields);
        }
        String reason = outcome instanceof SendOutcome.Retry r ? "gave up after " + attempts + " attempts: " + r.reason()
                : ((SendOutcome.Permanent) outcome).reason();
        LOG.warn("{} message {} is a dead letter: {}", route.channel(), entry.id(), reason);
        Map<String, String> event = stats.event("message.failed", System.currentTimeMillis(), route.channel(),
                language, address);
        return outbox.deadLetter(stream, entry, reason, attempts, event);
    }

    private static int parseAttempts(StreamEntry entry) {
        String raw = entry.field(Fields.ATTEMPTS);
        return raw.isEmpty() ? 0 : Integer.parseInt(raw);
    }
}
