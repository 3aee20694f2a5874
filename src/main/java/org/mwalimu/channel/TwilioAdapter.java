package org.mwalimu.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio Programmable Messaging, for SMS and WhatsApp: verifies and parses Twilio's form-encoded webhooks,
 * builds Message-create requests and classifies the API's answers. Pure: no I/O.
 */
public final class TwilioAdapter {

    public static final String CHANNEL_SMS = "twilio";
    public static final String CHANNEL_WHATSAPP = "twilio-whatsapp";

    private static final String WHATSAPP_PREFIX = "whatsapp:";

    /** Error codes that mean the recipient or the account can never be reached this way. */
    private static final Map<Integer, String> PERMANENT_ERRORS = Map.of(
            21211, "invalid To number",
            21214, "To number cannot be reached",
            21408, "region not enabled",
            21610, "recipient unsubscribed",
            21612, "To number not reachable from this sender",
            21614, "To number is not a mobile number",
            20003, "authentication failed",
            20404, "resource not found");

    private final Clock clock;

    public TwilioAdapter() {
        this(Clock.systemUTC());
    }

    TwilioAdapter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Twilio's request validation: base64 HMAC-SHA1, keyed with the auth token, of the full URL followed by
     * every POST parameter's name and value sorted by name. Like Twilio's own validators it accepts the URL
     * with or without its default port, since Twilio signs whichever form it was configured with.
     */
    public static boolean signatureValid(String authToken, String url, Map<String, String> params, String signature) {
        if (authToken == null || authToken.isEmpty() || url == null || signature == null || signature.isEmpty()) {
            return false;
        }
        Map<String, String> sorted = new TreeMap<>(params == null ? Map.of() : params);
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : List.of(url, withDefaultPort(url), withoutPort(url))) {
            // no short-circuit, so the time taken does not depend on which form matched
            valid |= MessageDigest.isEqual(sign(authToken, candidate, sorted).getBytes(StandardCharsets.UTF_8), given);
        }
        return valid;
    }

    /** An incoming SMS or WhatsApp message. */
    public WebhookBatch parseMessage(Map<String, String> form) throws MalformedWebhookException {
        String from = field(form, "From");
        String messageSid = field(form, "MessageSid");
        if (from.isBlank()) {
            throw new MalformedWebhookException("Twilio message without From");
        }
        if (messageSid.isBlank()) {
            throw new MalformedWebhookException("Twilio message without MessageSid");
        }
        boolean whatsapp = from.startsWith(WHATSAPP_PREFIX);
        String number = whatsapp ? from.substring(WHATSAPP_PREFIX.length()) : from;
        String address = PhoneNumbers.e164(number)
                .orElseThrow(() -> new MalformedWebhookException("Twilio From is not an international phone number"));
        String body = field(form, "Body");
        boolean media = numMedia(form) > 0 || !field(form, "Latitude").isBlank();
        boolean readable = !(media && body.isBlank());
        return WebhookBatch.of(new InboundMessage(whatsapp ? CHANNEL_WHATSAPP : CHANNEL_SMS, address, messageSid,
                readable ? body : "", readable));
    }

    /** A delivery receipt (status callback); an unknown status or a missing MessageSid gives an empty batch. */
    public WebhookBatch parseStatus(Map<String, String> form) {
        String messageSid = field(form, "MessageSid");
        Optional<DeliveryStatus> status = status(field(form, "MessageStatus"));
        if (messageSid.isBlank() || status.isEmpty()) {
            return new WebhookBatch(List.of(), List.of());
        }
        boolean whatsapp = field(form, "From").startsWith(WHATSAPP_PREFIX)
                || field(form, "To").startsWith(WHATSAPP_PREFIX);
        String channel = whatsapp ? CHANNEL_WHATSAPP : CHANNEL_SMS;
        return WebhookBatch.of(new StatusUpdate(channel, messageSid, status.get(), field(form, "ErrorCode")));
    }

    /** POST .../Messages.json. Quiz choices are already numbered lines in the text, so they are not sent apart. */
    public ProviderRequest send(TwilioSettings s, OutboundMessage m, boolean whatsapp) {
        Map<String, String> form = new LinkedHashMap<>();
        if (whatsapp) {
            form.put("To", WHATSAPP_PREFIX + m.address());
            form.put("From", s.whatsappFrom().startsWith(WHATSAPP_PREFIX)
                    ? s.whatsappFrom() : WHATSAPP_PREFIX + s.whatsappFrom());
        } else {
            form.put("To", m.address());
            form.put("From", s.from());
        }
        form.put("Body", m.text());
        if (!s.statusCallbackUrl().isBlank()) {
            form.put("StatusCallback", s.statusCallbackUrl());
        }
        String credentials = s.accountSid() + ":" + s.authToken();
        return new ProviderRequest("/2010-04-01/Accounts/" + s.accountSid() + "/Messages.json",
                Map.of("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))),
                "application/x-www-form-urlencoded", formEncode(form));
    }

    /** What Twilio's answer to a Message-create request means. */
    public SendOutcome outcome(int status, Map<String, String> headers, String body) {
        if (status >= 200 && status <= 299) {
            return new SendOutcome.Sent(ProviderJson.lenient(body).path("sid").asText(""));
        }
        if (status == 429) {
            return new SendOutcome.Retry("twilio http 429", retryAfter(headers));
        }
        if (status >= 500 && status <= 599) {
            return new SendOutcome.Retry("twilio http " + status, retryAfter(headers));
        }
        if (status >= 400 && status <= 499) {
            int code = ProviderJson.lenient(body).path("code").asInt(0);
            String known = PERMANENT_ERRORS.get(code);
            return new SendOutcome.Permanent(known != null
                    ? "twilio error " + code + " (" + known + ")"
                    : "twilio http " + status + (code == 0 ? "" : " error " + code));
        }
        return new SendOutcome.Retry("twilio unexpected http " + status, Optional.empty());
    }

    Optional<Duration> retryAfter(Map<String, String> headers) {
        return RetryAfter.from(headers, clock);
    }

    private static Optional<DeliveryStatus> status(String twilioStatus) {
        return switch (twilioStatus) {
            case "queued", "accepted", "sending" -> Optional.of(DeliveryStatus.QUEUED);
            case "sent" -> Optional.of(DeliveryStatus.SENT);
            case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
            case "read" -> Optional.of(DeliveryStatus.READ);
            case "failed", "undelivered" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty();
        };
    }

    private static int numMedia(Map<String, String> form) {
        try {
            return Integer.parseInt(field(form, "NumMedia").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String sign(String authToken, String url, Map<String, String> sortedParams) {
        StringBuilder data = new StringBuilder(url);
        sortedParams.forEach((name, value) -> data.append(name).append(value == null ? "" : value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static String withDefaultPort(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getPort() != -1 || uri.getHost() == null) {
                return url;
            }
            return rebuild(uri, "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        } catch (URISyntaxException e) {
            return url;
        }
    }

    private static String withoutPort(String url) {
        try {
            URI uri = new URI(url);
            return uri.getPort() == -1 || uri.getHost() == null ? url : rebuild(uri, -1);
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** Rebuilds from the raw parts so that the path and query keep their exact encoding. */
    private static String rebuild(URI uri, int port) {
        StringBuilder url = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            url.append(uri.getRawUserInfo()).append('@');
        }
        url.append(uri.getHost());
        if (port != -1) {
            url.append(':').append(port);
        }
        url.append(Optional.ofNullable(uri.getRawPath()).orElse(""));
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            url.append('#').append(uri.getRawFragment());
        }
        return url.toString();
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String field(Map<String, String> form, String name) {
        String value = form == null ? null : form.get(name);
        return value == null ? "" : value;
    }
}
