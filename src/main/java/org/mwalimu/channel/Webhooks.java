package org.mwalimu.channel;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.mwalimu.delivery.Fields;
import org.mwalimu.store.Inbox;
import org.mwalimu.store.Outbox;
import org.mwalimu.web.ApiError;

/**
 * The providers' webhooks. Each one checks the provider's signature or secret (403 if wrong),
 * parses (400 if malformed), de-duplicates by the provider's message id and queues; it answers 2xx
 * only once Redis has the messages. Receipts move sent messages forward.
 */
public final class Webhooks {

    /** Which provider account receipts of each webhook belong to (see ProviderSender). */
    public static final String TWILIO = "twilio";
    public static final String WHATSAPP = "whatsapp";
    public static final String AFRICAS_TALKING = "at";

    private final Inbox inbox;
    private final Outbox outbox;
    private final String publicBaseUrl;
    private final Optional<TwilioSettings> twilio;
    private final Optional<WhatsAppSettings> whatsapp;
    private final Optional<String> africasTalkingToken;
    private final Optional<TelegramSettings> telegram;
    private final TwilioAdapter twilioAdapter = new TwilioAdapter();
    private final WhatsAppCloudAdapter whatsappAdapter = new WhatsAppCloudAdapter();
    private final AfricasTalkingAdapter africasTalkingAdapter = new AfricasTalkingAdapter();
    private final TelegramAdapter telegramAdapter = new TelegramAdapter();

    public Webhooks(Inbox inbox, Outbox outbox, String publicBaseUrl, Optional<TwilioSettings> twilio,
                    Optional<WhatsAppSettings> whatsapp, Optional<String> africasTalkingToken,
                    Optional<TelegramSettings> telegram) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl;
        this.twilio = twilio;
        this.whatsapp = whatsapp;
        this.africasTalkingToken = africasTalkingToken;
        this.telegram = telegram;
    }

    public void mount(Router router) {
        router.post("/webhooks/twilio").handler(ctx -> twilio(ctx, false).onFailure(ctx::fail));
        router.post("/webhooks/twilio/status").handler(ctx -> twilio(ctx, true).onFailure(ctx::fail));
        router.get("/webhooks/whatsapp").handler(this::whatsappHandshake);
        router.post("/webhooks/whatsapp").handler(ctx -> whatsapp(ctx).onFailure(ctx::fail));
        router.post("/webhooks/africastalking/sms").handler(ctx -> africasTalking(ctx, false).onFailure(ctx::fail));
        router.post("/webhooks/africastalking/delivery").handler(ctx -> africasTalking(ctx, true).onFailure(ctx::fail));
        router.post("/webhooks/telegram").handler(ctx -> telegram(ctx).onFailure(ctx::fail));
    }

    private Future<Void> twilio(RoutingContext ctx, boolean status) {
        TwilioSettings settings = configured(twilio, "Twilio");
        Map<String, String> form = single(ctx.request().formAttributes());
        String url = publicBaseUrl + ctx.request().uri();
        if (!TwilioAdapter.signatureValid(settings.authToken(), url, form, ctx.request().getHeader("X-Twilio-Signature"))) {
            throw forbidden();
        }
        WebhookBatch batch = parse(() -> status ? twilioAdapter.parseStatus(form) : twilioAdapter.parseMessage(form));
        return accept(batch, TWILIO).compose(v -> ctx.response().putHeader("Content-Type", "text/xml")
                .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"));
    }

    private void whatsappHandshake(RoutingContext ctx) {
        WhatsAppSettings settings = configured(whatsapp, "WhatsApp");
        MultiMap q = ctx.queryParams();
        if (!WhatsAppCloudAdapter.handshakeValid(q.get("hub.mode"), q.get("hub.verify_token"), settings.verifyToken())) {
            throw forbidden();
        }
        ctx.response().putHeader("Content-Type", "text/plain").end(Optional.ofNullable(q.get("hub.challenge")).orElse(""));
    }

    private Future<Void> whatsapp(RoutingContext ctx) {
        WhatsAppSettings settings = configured(whatsapp, "WhatsApp");
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (!WhatsAppCloudAdapter.signatureValid(settings.appSecret(), body, ctx.request().getHeader("X-Hub-Signature-256"))) {
            throw forbidden();
        }
        return accept(parse(() -> whatsappAdapter.parse(body)), WHATSAPP).compose(v -> ctx.response().end());
    }

    private Future<Void> africasTalking(RoutingContext ctx, boolean delivery) {
        requireToken(ctx, africasTalkingToken);
        Map<String, String> form = single(ctx.request().formAttributes());
        WebhookBatch batch = parse(() -> delivery ? africasTalkingAdapter.parseDelivery(form)
                : africasTalkingAdapter.parseSms(form));
        return accept(batch, AFRICAS_TALKING).compose(v -> ctx.response().end());
    }

    private Future<Void> telegram(RoutingContext ctx) {
        TelegramSettings settings = configured(telegram, "Telegram");
        if (!TelegramAdapter.secretValid(ctx.request().getHeader("X-Telegram-Bot-Api-Secret-Token"), settings.secretToken())) {
            throw forbidden();
        }
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        return accept(parse(() -> telegramAdapter.parse(body)), "telegram").compose(v -> ctx.response().end());
    }

    /**
     * Queues every message and applies every receipt of a batch, one after another so that their
     * order is kept; done when Redis has them all.
     */
    private Future<Void> accept(WebhookBatch batch, String account) {
        Future<?> chain = Future.succeededFuture();
        for (InboundMessage m : batch.messages()) {
            Map<String, String> fields = new HashMap<>();
            fields.put(Fields.CHANNEL, m.channel());
            fields.put(Fields.ADDRESS, m.address());
            fields.put(Fields.TEXT, botCommand(m.text()));
            fields.put(Fields.MESSAGE_ID, m.messageId());
            fields.put(Fields.AT, String.valueOf(System.currentTimeMillis()));
            if (!m.readable()) {
                fields.put(Fields.KIND, Fields.KIND_UNREADABLE);
            }
            Optional<String> id = Optional.of(m.messageId()).filter(Predicate.not(String::isEmpty));
            chain = chain.compose(v -> inbox.enqueue(m.channel(), m.address(), id, fields));
        }
        for (StatusUpdate s : batch.statuses()) {
            chain = chain.compose(v -> outbox.receipt(account, s.providerMessageId(),
                    s.status().name().toLowerCase(Locale.ROOT), s.errorCode()));
        }
        return chain.mapEmpty();
    }

    /** Telegram's "/start" or "/help@SomeBot" become the plain commands START and HELP. */
    private static String botCommand(String text) {
        if (!text.startsWith("/") || text.length() < 2) {
            return text;
        }
        int at = text.indexOf('@');
        return (at > 0 ? text.substring(1, at) : text.substring(1)).strip();
    }

    /** Africa's Talking does not sign its calls: an optional secret in the URL's query takes that part. */
    static void requireToken(RoutingContext ctx, Optional<String> token) {
        String given = ctx.queryParams().get("token");
        if (token.isPresent() && (given == null || !MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), token.get().getBytes(StandardCharsets.UTF_8)))) {
            throw forbidden();
        }
    }

    static String required(MultiMap form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("missing_field", "'" + name + "' is required.");
        }
        return value;
    }

    private static Map<String, String> single(MultiMap form) {
        Map<String, String> map = new HashMap<>();
        form.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
        return map;
    }

    private static <T> T configured(Optional<T> settings, String provider) {
        return settings.orElseThrow(() -> new ApiError(403, "channel_not_configured",
                provider + " is not configured on this server."));
    }

    private static ApiError forbidden() {
        return new ApiError(403, "forbidden", "The signature or secret is missing or wrong.");
    }

    private interface Parser {
        WebhookBatch parse() throws MalformedWebhookException;
    }

    private static WebhookBatch parse(Parser parser) {
        try {
            return parser.parse();
        } catch (MalformedWebhookException e) {
            throw ApiError.badRequest("malformed_payload", e.getMessage());
        }
    }
}
