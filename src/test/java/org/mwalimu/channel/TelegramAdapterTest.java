package org.mwalimu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramAdapter adapter = new TelegramAdapter();
    private final TelegramSettings settings = new TelegramSettings("123456:ABC-DEF1234ghIkl", "hook-s3cret");

    @Test
    void theSameSecretIsValid() {
        assertTrue(TelegramAdapter.secretValid("hook-s3cret", "hook-s3cret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hook-s3cre", "hook-s3cret2", "HOOK-S3CRET", ""})
    void anyOtherValueIsRejected(String header) {
        assertFalse(TelegramAdapter.secretValid(header, "hook-s3cret"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noSecretConfiguredRejectsEverything(String secret) {
        assertFalse(TelegramAdapter.secretValid("", secret));
        assertFalse(TelegramAdapter.secretValid(null, secret));
    }

    @Test
    void noHeaderIsRejected() {
        assertFalse(TelegramAdapter.secretValid(null, "hook-s3cret"));
    }

    @Test
    void aTextMessageIsKeptAsSentCommandsIncluded() throws Exception {
        WebhookBatch batch = adapter.parse(example("update-message.json"));
        assertEquals(List.of(new InboundMessage("telegram", "tg:1111111", "10000", "/start", true)),
                batch.messages());
        assertTrue(batch.statuses().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"voice-message.json", "document-message.json"})
    void documentedMediaExamplesAreUnreadable(String name) throws Exception {
        assertEquals(List.of(new InboundMessage("telegram", "tg:1111111", "10000", "", false)),
                adapter.parse(example(name)).messages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo", "sticker", "location", "video", "audio", "contact", "video_note"})
    void otherMediaIsUnreadable(String kind) throws Exception {
        ObjectNode update = tree("update-message.json");
        ObjectNode message = (ObjectNode) update.path("message");
        message.remove("text");
        message.putObject(kind).put("file_id", "AwADBAADbXXXXXXXXXXXGBdhD2l6_XX");
        InboundMessage parsed = adapter.parse(bytes(update)).messages().get(0);
        assertFalse(parsed.readable());
        assertEquals("", parsed.text());
    }

    @Test
    void anInlineModeCallbackAnswersInTheUsersOwnChat() throws Exception {
        assertEquals(List.of(new InboundMessage("telegram", "tg:1111111", "10000", "Data from button callback",
                true)), adapter.parse(example("callback-query.json")).messages());
    }

    @Test
    void aCallbackOnOurMessageAnswersInThatMessagesChat() throws Exception {
        ObjectNode update = tree("callback-query.json");
        ObjectNode callback = (ObjectNode) update.path("callback_query");
        callback.remove("inline_message_id");
        callback.put("data", "b");
        ObjectNode message = callback.putObject("message");
        message.put("message_id", 1366).put("date", 1441645540);
        message.putObject("chat").put("id", -1001234567890L).put("type", "supergroup");
        assertEquals(new InboundMessage("telegram", "tg:-1001234567890", "10000", "b", true),
                adapter.parse(bytes(update)).messages().get(0));
    }

    @Test
    void aCallbackWithoutDataIsUnreadable() throws Exception {
        ObjectNode update = tree("callback-query.json");
        ((ObjectNode) update.path("callback_query")).remove("data");
        assertFalse(adapter.parse(bytes(update)).messages().get(0).readable());
    }

    @Test
    void anEditedMessageIsNotAnError() throws Exception {
        WebhookBatch batch = adapter.parse(example("edited-message.json"));
        assertTrue(batch.messages().isEmpty() && batch.statuses().isEmpty());
    }

    @Test
    void aMembershipChangeIsNotAnError() throws Exception {
        String update = "{\"update_id\":10001,\"my_chat_member\":{\"chat\":{\"id\":1111111,\"type\":\"private\"},"
                + "\"from\":{\"id\":1111111,\"is_bot\":false,\"first_name\":\"Test\"},\"date\":1441645600,"
                + "\"old_chat_member\":{\"status\":\"member\"},\"new_chat_member\":{\"status\":\"kicked\"}}}";
        assertTrue(adapter.parse(update.getBytes(StandardCharsets.UTF_8)).messages().isEmpty());
    }

    @Test
    void onlyTheFieldsWeUseAreNeeded() throws Exception {
        byte[] minimal = "{\"update_id\":5,\"message\":{\"chat\":{\"id\":42},\"text\":\"hi\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(new InboundMessage("telegram", "tg:42", "5", "hi", true),
                adapter.parse(minimal).messages().get(0));
        byte[] noChat = "{\"update_id\":6,\"message\":{\"from\":{\"id\":43},\"text\":\"hi\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("tg:43", adapter.parse(noChat).messages().get(0).address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "[]", "null", "{}", "{\"update_id\":\"10000\",\"message\":{}}",
            "{\"update_id\":1.5}", "{\"message\":{\"chat\":{\"id\":42},\"text\":\"hi\"}}",
            "{\"update_id\":7,\"message\":{\"text\":\"who?\"}}"})
    void anythingThatIsNotAnUpdateIsMalformed(String body) {
        assertThrows(MalformedWebhookException.class, () -> adapter.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noBodyIsMalformed() {
        assertThrows(MalformedWebhookException.class, () -> adapter.parse(null));
    }

    @Test
    void plainTextToTheChat() throws Exception {
        ProviderRequest request = adapter.send(settings, new OutboundMessage("tg:1111111", "Karibu!", List.of()));
        assertEquals("/bot123456:ABC-DEF1234ghIkl/sendMessage", request.path());
        assertEquals("application/json", request.contentType());
        assertEquals(Map.of(), request.headers());
        assertEquals(JSON.readTree("{\"chat_id\":1111111,\"text\":\"Karibu!\"}"), JSON.readTree(request.body()));
    }

    @Test
    void choicesAreOneInlineButtonPerRow() throws Exception {
        OutboundMessage quiz = new OutboundMessage("tg:-1001234567890", "Swali 1",
                List.of(new OutboundMessage.Choice("a", "Ndiyo"), new OutboundMessage.Choice("b", "Hapana")));
        JsonNode body = JSON.readTree(adapter.send(settings, quiz).body());
        assertEquals(-1001234567890L, body.path("chat_id").asLong());
        assertEquals(JSON.readTree("[[{\"text\":\"A) Ndiyo\",\"callback_data\":\"a\"}],"
                + "[{\"text\":\"B) Hapana\",\"callback_data\":\"b\"}]]"),
                body.path("reply_markup").path("inline_keyboard"));
    }

    @Test
    void anAddressOfAnotherChannelIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> adapter.send(settings, new OutboundMessage("+255754000001", "x", List.of())));
    }

    @Test
    void okGivesTheMessageId() {
        String body = "{\"ok\":true,\"result\":{\"message_id\":1366,\"date\":1441645600,"
                + "\"chat\":{\"id\":1111111,\"type\":\"private\"},\"text\":\"Karibu!\"}}";
        assertEquals(new SendOutcome.Sent("1366"), adapter.outcome(200, Map.of(), body));
    }

    @Test
    void floodControlIsRetriedAfterTheSecondsItGives() {
        String body = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\","
                + "\"parameters\":{\"retry_after\":35}}";
        SendOutcome.Retry retry = assertInstanceOf(SendOutcome.Retry.class, adapter.outcome(429, Map.of(), body));
        assertEquals(Optional.of(Duration.ofSeconds(35)), retry.retryAfter());
    }

    @Test
    void floodControlWithoutAHintIsStillRetried() {
        assertEquals(Optional.empty(), assertInstanceOf(SendOutcome.Retry.class,
                adapter.outcome(429, Map.of(), "")).retryAfter());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void serverErrorsAreRetried(int status) {
        assertInstanceOf(SendOutcome.Retry.class, adapter.outcome(status, Map.of(), "<html>Bad Gateway</html>"));
    }

    @Test
    void aBlockedBotIsPermanent() {
        String body = "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}";
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(403, Map.of(), body));
    }

    @Test
    void anUnknownChatIsPermanent() {
        String body = "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}";
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(400, Map.of(), body));
    }

    @Test
    void aRevokedTokenIsPermanent() {
        String body = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(401, Map.of(), body));
    }

    @Test
    void settingsNeverShowTheirSecrets() {
        assertFalse(settings.toString().contains("ABC-DEF1234ghIkl") || settings.toString().contains("hook-s3cret"));
    }

    private static byte[] example(String name) throws IOException {
        return ProviderExamples.bytes("telegram", name);
    }

    private static ObjectNode tree(String name) throws IOException {
        return ProviderExamples.tree("telegram", name);
    }

    private static byte[] bytes(JsonNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
