package org.mwalimu.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram Bot API: verifies and parses webhook Updates, builds sendMessage requests (quiz choices as an inline
 * keyboard) and classifies the API's answers. Pure: no I/O.
 */
public final class TelegramAdapter {

    public static final String CHANNEL = "telegram";
    public static final String ADDRESS_PREFIX = "tg:";


    /** X-Telegram-Bot-Api-Secret-Token must equal the secret given to setWebhook. */
    public static boolean secretValid(String header, String secretToken) {
        if (header == null || secretToken == null || secretToken.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                secretToken.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One Update: a message or a tap on an inline button. Other kinds (edited messages, membership changes...)
     * give an empty batch so Telegram stops resending them.
     */
    public WebhookBatch parse(byte[] body) throws MalformedWebhookException {
        JsonNode update = ProviderJson.object(body, "Telegram update");
        JsonNode updateId = update.path("update_id");
        if (!updateId.isIntegralNumber()) {
            throw new MalformedWebhookException("Telegram update without update_id");
        }
        String messageId = updateId.asText();
        JsonNode message = update.path("message");
        if (message.isObject()) {
            String chat = chatId(message.path("chat"), message.path("from"));
            JsonNode text = message.path("text");
            return WebhookBatch.of(text.isTextual()
                    ? new InboundMessage(CHANNEL, ADDRESS_PREFIX + chat, messageId, text.asText(), true)
                    : new InboundMessage(CHANNEL, ADDRESS_PREFIX + chat, messageId, "", false));
        }
        JsonNode callback = update.path("callback_query");
        if (callback.isObject()) {
            // an inline-mode callback has no message: the user's own chat is then the private chat with the bot
            String chat = chatId(callback.path("message").path("chat"), callback.path("from"));
            JsonNode data = callback.path("data");
            return WebhookBatch.of(data.isTextual()
                    ? new InboundMessage(CHANNEL, ADDRESS_PREFIX + chat, messageId, data.asText(), true)
                    : new InboundMessage(CHANNEL, ADDRESS_PREFIX + chat, messageId, "", false));
        }
        return new WebhookBatch(List.of(), List.of());
    }

    /** POST /bot{token}/sendMessage; choices become one inline-keyboard row each, "A) title". */
    public ProviderRequest send(TelegramSettings s, OutboundMessage m) {
        if (!m.address().startsWith(ADDRESS_PREFIX)) {
            throw new IllegalArgumentException("not a Telegram address");
        }
        String chat = m.address().substring(ADDRESS_PREFIX.length());
        ObjectNode request = ProviderJson.MAPPER.createObjectNode();
        try {
            request.put("chat_id", Long.parseLong(chat));
        } catch (NumberFormatException e) {
            request.put("chat_id", chat); // a channel's @username
        }
        request.put("text", m.text());
        if (!m.choices().isEmpty()) {
            ArrayNode keyboard = request.putObject("reply_markup").putArray("inline_keyboard");
            m.choices().forEach(c -> keyboard.addArray().addObject()
                    .put("text", c.id().toUpperCase(Locale.ROOT) + ") " + c.title())
                    .put("callback_data", c.id()));
        }
        return new ProviderRequest("/bot" + s.botToken() + "/sendMessage", Map.of(), "application/json",
                request.toString());
    }

    /** What the Bot API's answer to sendMessage means. */
    public SendOutcome outcome(int status, Map<String, String> headers, String body) {
        JsonNode json = ProviderJson.lenient(body);
        if (json.path("ok").asBoolean(false)) {
            return new SendOutcome.Sent(json.path("result").path("message_id").asText(""));
        }
        int code = json.path("error_code").asInt(status);
        if (status == 429 || code == 429) {
            JsonNode seconds = json.path("parameters").path("retry_after");
            return new SendOutcome.Retry("telegram 429 (flood control)", seconds.canConvertToLong()
                    ? Optional.of(Duration.ofSeconds(Math.max(0, seconds.asLong()))) : Optional.empty());
        }
        if (status >= 500 && status <= 599) {
            return new SendOutcome.Retry("telegram http " + status, Optional.empty());
        }
        if (code == 403) {
            return new SendOutcome.Permanent("telegram 403 (bot blocked or chat left)");
        }
        if (code == 400) {
            return new SendOutcome.Permanent("telegram 400 (chat not found or bad request)");
        }
        if (status >= 400 && status <= 499) {
            return new SendOutcome.Permanent("telegram http " + status);
        }
        return new SendOutcome.Retry("telegram unexpected http " + status, Optional.empty());
    }

    /** The chat's id, or the sender's when the chat is missing (their private chat with the bot has the same id). */
    private static String chatId(JsonNode chat, JsonNode from) throws MalformedWebhookException {
        JsonNode id = chat.path("id");
        if (!id.isIntegralNumber()) {
            id = from.path("id");
        }
        if (!id.isIntegralNumber()) {
            throw new MalformedWebhookException("Telegram update without a chat or sender id");
        }
        return id.asText();
    }

}
