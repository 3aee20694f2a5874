package org.mwalimu.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's WhatsApp Cloud API: verifies and parses the "messages" webhook, builds send requests (reply buttons or
 * a list for quiz choices when WhatsApp's limits allow, plain text otherwise) and classifies the Graph API's
 * answers. Pure: no I/O.
 */
public final class WhatsAppCloudAdapter {

    public static final String CHANNEL = "whatsapp";

    // Meta's documented limits for interactive messages
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_LIST_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_ID = 200;
    static final int MAX_LIST_BUTTON_LABEL = 20;

    private static final String SIGNATURE_PREFIX = "sha256=";

    private static final Set<Integer> RATE_LIMITED = Set.of(4, 80007, 130429, 131048, 131056);
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 131000, 131016);
    private static final Map<Integer, String> PERMANENT_ERRORS = Map.of(
            131026, "undeliverable",
            131047, "re-engagement required",
            131051, "unsupported message type",
            100, "invalid parameter",
            190, "access token expired or invalid",
            10, "permission denied",
            200, "permission denied");

    private final Clock clock;

    public WhatsAppCloudAdapter() {
        this(Clock.systemUTC());
    }

    WhatsAppCloudAdapter(Clock clock) {
        this.clock = clock;
    }

    /** X-Hub-Signature-256: "sha256=" and the lowercase hex HMAC-SHA256 of the raw body, keyed with the app secret. */
    public static boolean signatureValid(String appSecret, byte[] rawBody, String header) {
        if (appSecret == null || appSecret.isEmpty() || rawBody == null || header == null
                || !header.startsWith(SIGNATURE_PREFIX)) {
            return false;
        }
        String expected = HexFormat.of().formatHex(hmacSha256(appSecret, rawBody));
        String given = header.substring(SIGNATURE_PREFIX.length()).toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The GET Meta sends when the webhook is registered: hub.mode must be "subscribe" and hub.verify_token ours. */
    public static boolean handshakeValid(String mode, String token, String verifyToken) {
        if (token == null || verifyToken == null || verifyToken.isEmpty()) {
            return false;
        }
        boolean sameToken = MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                verifyToken.getBytes(StandardCharsets.UTF_8));
        return "subscribe".equals(mode) && sameToken;
    }

    /** Every message and receipt of every entry and change in one webhook POST, in payload order. */
    public WebhookBatch parse(byte[] body) throws MalformedWebhookException {
        JsonNode root = ProviderJson.object(body, "WhatsApp webhook");
        if (!"whatsapp_business_account".equals(root.path("object").asText())) {
            throw new MalformedWebhookException("not a whatsapp_business_account webhook");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        for (JsonNode entry : array(root, "entry", true)) {
            for (JsonNode change : array(entry, "changes", false)) {
                JsonNode value = change.path("value");
                for (JsonNode message : array(value, "messages", false)) {
                    messages.add(message(message));
                }
                for (JsonNode status : array(value, "statuses", false)) {
                    status(status).ifPresent(statuses::add);
                }
            }
        }
        return new WebhookBatch(messages, statuses);
    }

    /** POST /{phone-number-id}/messages. */
    public ProviderRequest send(WhatsAppSettings s, OutboundMessage m) {
        ObjectNode request = ProviderJson.MAPPER.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", m.address().startsWith("+") ? m.address().substring(1) : m.address());
        List<OutboundMessage.Choice> choices = m.choices();
        if (fitsButtons(m.text(), choices)) {
            ObjectNode interactive = interactive(request, "button", m.text());
            ArrayNode buttons = interactive.putObject("action").putArray("buttons");
            choices.forEach(c -> buttons.addObject().put("type", "reply")
                    .putObject("reply").put("id", c.id()).put("title", c.title()));
        } else if (fitsList(m.text(), choices)) {
            ObjectNode action = interactive(request, "list", m.text()).putObject("action");
            action.put("button", listLabel(choices));
            ArrayNode rows = action.putArray("sections").addObject().putArray("rows");
            choices.forEach(c -> rows.addObject().put("id", c.id()).put("title", c.title()));
        } else {
            request.put("type", "text").putObject("text").put("body", m.text()).put("preview_url", false);
        }
        return new ProviderRequest("/" + s.phoneNumberId() + "/messages",
                Map.of("Authorization", "Bearer " + s.accessToken()), "application/json", request.toString());
    }

    /** What the Graph API's answer to a send means. */
    public SendOutcome outcome(int status, Map<String, String> headers, String body) {
        JsonNode json = ProviderJson.lenient(body);
        if (status >= 200 && status <= 299) {
            return new SendOutcome.Sent(json.path("messages").path(0).path("id").asText(""));
        }
        JsonNode error = json.path("error");
        int code = error.path("code").asInt(0);
        String reason = "whatsapp http " + status + (code == 0 ? "" : " error " + code)
                + (error.path("error_subcode").isIntegralNumber() ? "/" + error.path("error_subcode").asInt() : "");
        if (status == 429 || RATE_LIMITED.contains(code)) {
            return new SendOutcome.Retry(reason + " (rate limited)", retryAfter(headers));
        }
        if (TEMPORARY.contains(code) || (status >= 500 && status <= 599)) {
            return new SendOutcome.Retry(reason, retryAfter(headers));
        }
        if (PERMANENT_ERRORS.containsKey(code)) {
            return new SendOutcome.Permanent(reason + " (" + PERMANENT_ERRORS.get(code) + ")");
        }
        if (status >= 400 && status <= 499) {
            return new SendOutcome.Permanent(reason);
        }
        return new SendOutcome.Retry(reason, Optional.empty());
    }

    Optional<Duration> retryAfter(Map<String, String> headers) {
        return RetryAfter.from(headers, clock);
    }

    private static InboundMessage message(JsonNode message) throws MalformedWebhookException {
        String id = message.path("id").asText("");
        if (id.isBlank()) {
            throw new MalformedWebhookException("WhatsApp message without id");
        }
        String from = message.path("from").asText("");
        String address = PhoneNumbers.e164("+" + from)
                .filter(e164 -> from.chars().allMatch(Character::isDigit))
                .orElseThrow(() -> new MalformedWebhookException("WhatsApp message 'from' is not a phone number"));
        Optional<String> text = text(message);
        return new InboundMessage(CHANNEL, address, id, text.orElse(""), text.isPresent());
    }

    /** What the citizen wrote or chose; empty for anything the bot cannot read. */
    private static Optional<String> text(JsonNode message) {
        String type = message.path("type").asText("");
        switch (type) {
            case "text":
                return stringAt(message.path("text"), "body");
            case "interactive": {
                JsonNode interactive = message.path("interactive");
                String kind = interactive.path("type").asText("");
                if (kind.equals("button_reply") || kind.equals("list_reply")) {
                    return stringAt(interactive.path(kind), "id").filter(s -> !s.isBlank());
                }
                return Optional.empty();
            }
            case "button": {
                JsonNode button = message.path("button");
                return stringAt(button, "payload").filter(s -> !s.isBlank())
                        .or(() -> stringAt(button, "text").filter(s -> !s.isBlank()));
            }
            default:
                // image, audio, voice, video, document, location, sticker, contacts, reaction, unsupported,
                // and any type Meta adds later: nothing the bot can read
                return Optional.empty();
        }
    }

    private static Optional<StatusUpdate> status(JsonNode status) throws MalformedWebhookException {
        String id = status.path("id").asText("");
        if (id.isBlank()) {
            throw new MalformedWebhookException("WhatsApp status without id");
        }
        DeliveryStatus delivery;
        switch (status.path("status").asText("")) {
            case "sent" -> delivery = DeliveryStatus.SENT;
            case "delivered" -> delivery = DeliveryStatus.DELIVERED;
            case "read" -> delivery = DeliveryStatus.READ;
            case "failed" -> delivery = DeliveryStatus.FAILED;
            default -> {
                return Optional.empty(); // "played", "deleted"... say nothing about delivery
            }
        }
        JsonNode code = status.path("errors").path(0).path("code");
        return Optional.of(new StatusUpdate(CHANNEL, id, delivery, code.isValueNode() ? code.asText() : ""));
    }

    private static boolean fitsButtons(String text, List<OutboundMessage.Choice> choices) {
        return !choices.isEmpty() && choices.size() <= MAX_BUTTONS && fitsBody(text)
                && fits(choices, MAX_BUTTON_ID, MAX_BUTTON_TITLE)
                && choices.stream().map(OutboundMessage.Choice::title).distinct().count() == choices.size();
    }

    private static boolean fitsList(String text, List<OutboundMessage.Choice> choices) {
        return !choices.isEmpty() && choices.size() <= MAX_LIST_ROWS && fitsBody(text)
                && fits(choices, MAX_ROW_ID, MAX_ROW_TITLE)
                && listLabel(choices).length() <= MAX_LIST_BUTTON_LABEL;
    }

    private static boolean fitsBody(String text) {
        return !text.isBlank() && text.length() <= MAX_INTERACTIVE_BODY;
    }

    /** Every id and title present and short enough, ids unique (WhatsApp rejects duplicates). */
    private static boolean fits(List<OutboundMessage.Choice> choices, int maxId, int maxTitle) {
        Set<String> ids = new HashSet<>();
        for (OutboundMessage.Choice c : choices) {
            if (c.id().isBlank() || c.id().length() > maxId || c.title().isBlank() || c.title().length() > maxTitle
                    || !ids.add(c.id())) {
                return false;
            }
        }
        return true;
    }

    /** The list's button shows the choice letters ("A/B/C/D"), so no wording lives in code. */
    private static String listLabel(List<OutboundMessage.Choice> choices) {
        return choices.stream().map(c -> c.id().toUpperCase(Locale.ROOT)).collect(Collectors.joining("/"));
    }

    private static ObjectNode interactive(ObjectNode request, String kind, String text) {
        request.put("type", "interactive");
        ObjectNode interactive = request.putObject("interactive").put("type", kind);
        interactive.putObject("body").put("text", text);
        return interactive;
    }

    /** The array at {@code name}; absent is empty unless required, anything but an array is malformed. */
    private static List<JsonNode> array(JsonNode parent, String name, boolean required)
            throws MalformedWebhookException {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw new MalformedWebhookException("WhatsApp webhook without " + name);
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedWebhookException("WhatsApp webhook '" + name + "' is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new MalformedWebhookException("WhatsApp webhook '" + name + "' holds a non-object");
            }
            items.add(item);
        }
        return items;
    }

    private static Optional<String> stringAt(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static byte[] hmacSha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
