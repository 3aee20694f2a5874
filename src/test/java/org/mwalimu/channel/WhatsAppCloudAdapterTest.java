package org.mwalimu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WhatsAppCloudAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WAMID_TEXT = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
    /** printf '{}' | openssl dgst -sha256 -hmac secret */
    private static final String KNOWN = "77325902caca812dc259733aacd046b73817372c777b8d95b402647474516e13";

    private final WhatsAppCloudAdapter adapter =
            new WhatsAppCloudAdapter(Clock.fixed(Instant.parse("2024-05-14T10:00:00Z"), ZoneOffset.UTC));
    private final WhatsAppSettings settings =
            new WhatsAppSettings("106540352242922", "EAAJBtoken", "app-s3cret", "verify-me");

    @Test
    void theKnownVectorIsValid() {
        assertTrue(WhatsAppCloudAdapter.signatureValid("secret", "{}".getBytes(StandardCharsets.UTF_8),
                "sha256=" + KNOWN));
    }

    @Test
    void theRawBytesOfAnExampleAreSigned() throws Exception {
        assertEquals(KNOWN, hmacHex("secret", "{}".getBytes(StandardCharsets.UTF_8)), "cross-check of the helper");
        byte[] body = example("text-message.json");
        String header = "sha256=" + hmacHex("app-s3cret", body);
        assertTrue(WhatsAppCloudAdapter.signatureValid("app-s3cret", body, header));
    }

    @Test
    void oneChangedByteIsRejected() throws Exception {
        byte[] body = example("text-message.json");
        String header = "sha256=" + hmacHex("app-s3cret", body);
        byte[] reformatted = Arrays.copyOf(body, body.length + 1);
        reformatted[body.length] = '\n';
        assertFalse(WhatsAppCloudAdapter.signatureValid("app-s3cret", reformatted, header));
    }

    @Test
    void anotherSecretIsRejected() {
        assertFalse(WhatsAppCloudAdapter.signatureValid("secret2", "{}".getBytes(StandardCharsets.UTF_8),
                "sha256=" + KNOWN));
    }

    @ParameterizedTest
    @ValueSource(strings = {KNOWN, "sha1=" + KNOWN, "sha256=", "sha256=abc", "SHA256=" + KNOWN})
    void aHeaderOfAnotherShapeIsRejected(String header) {
        assertFalse(WhatsAppCloudAdapter.signatureValid("secret", "{}".getBytes(StandardCharsets.UTF_8), header));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noHeaderOrNoSecretIsRejected(String value) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertFalse(WhatsAppCloudAdapter.signatureValid("secret", body, value));
        assertFalse(WhatsAppCloudAdapter.signatureValid(value, body, "sha256=" + KNOWN));
    }

    @Test
    void theHandshakeNeedsSubscribeAndOurToken() {
        assertTrue(WhatsAppCloudAdapter.handshakeValid("subscribe", "verify-me", "verify-me"));
        assertFalse(WhatsAppCloudAdapter.handshakeValid("unsubscribe", "verify-me", "verify-me"));
        assertFalse(WhatsAppCloudAdapter.handshakeValid(null, "verify-me", "verify-me"));
        assertFalse(WhatsAppCloudAdapter.handshakeValid("subscribe", "verify-you", "verify-me"));
        assertFalse(WhatsAppCloudAdapter.handshakeValid("subscribe", "verify-m", "verify-me"));
        assertFalse(WhatsAppCloudAdapter.handshakeValid("subscribe", null, "verify-me"));
        assertFalse(WhatsAppCloudAdapter.handshakeValid("subscribe", "", ""));
    }

    @Test
    void aTextMessage() throws Exception {
        WebhookBatch batch = adapter.parse(example("text-message.json"));
        assertEquals(List.of(new InboundMessage("whatsapp", "+16505551234", WAMID_TEXT,
                "Does it come in another color?", true)), batch.messages());
        assertTrue(batch.statuses().isEmpty());
    }

    @Test
    void aTappedReplyButtonIsItsId() throws Exception {
        assertEquals(List.of(new InboundMessage("whatsapp", "+16505551234",
                "wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQThBREYwNzc2RDc2QjA1QTIwMgA=", "change-button", true)),
                adapter.parse(example("button-reply.json")).messages());
    }

    @Test
    void aChosenListRowIsItsId() throws Exception {
        InboundMessage message = adapter.parse(example("list-reply.json")).messages().get(0);
        assertEquals("priority_express", message.text());
        assertTrue(message.readable());
    }

    @Test
    void aTemplateQuickReplyIsItsPayload() throws Exception {
        InboundMessage message = adapter.parse(example("template-button.json")).messages().get(0);
        assertEquals("Unsubscribe", message.text());
        assertEquals("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", message.messageId());
    }

    @Test
    void aTemplateQuickReplyWithoutPayloadIsItsText() throws Exception {
        ObjectNode root = tree("template-button.json");
        ObjectNode button = (ObjectNode) firstMessage(root).path("button");
        button.remove("payload");
        button.put("text", "Acha");
        assertEquals("Acha", adapter.parse(bytes(root)).messages().get(0).text());
    }

    @Test
    void anImageIsUnreadable() throws Exception {
        InboundMessage message = adapter.parse(example("image-message.json")).messages().get(0);
        assertEquals(new InboundMessage("whatsapp", "+16505551234", WAMID_TEXT, "", false), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "voice", "video", "document", "location", "sticker", "contacts", "reaction",
            "unsupported", "unknown", "order", "system", "some_future_type"})
    void everyOtherTypeIsUnreadable(String type) throws Exception {
        ObjectNode root = tree("text-message.json");
        ObjectNode message = firstMessage(root);
        message.remove("text");
        message.put("type", type);
        message.putObject(type).put("id", "1003383421387256");
        InboundMessage parsed = adapter.parse(bytes(root)).messages().get(0);
        assertFalse(parsed.readable());
        assertEquals("", parsed.text());
    }

    @Test
    void receiptsCarryTheirStatusAndFirstErrorCode() throws Exception {
        assertEquals(List.of(new StatusUpdate("whatsapp",
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", DeliveryStatus.SENT, "")),
                adapter.parse(example("status-sent.json")).statuses());
        assertEquals(List.of(new StatusUpdate("whatsapp",
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA", DeliveryStatus.FAILED, "131049")),
                adapter.parse(example("status-failed.json")).statuses());
        assertEquals(DeliveryStatus.DELIVERED,
                adapter.parse(example("status-delivered.json")).statuses().get(0).status());
    }

    @ParameterizedTest
    @CsvSource({"sent,SENT", "delivered,DELIVERED", "read,READ", "failed,FAILED"})
    void metaStatusesMapToOurs(String meta, DeliveryStatus ours) throws Exception {
        ObjectNode root = tree("status-sent.json");
        ((ObjectNode) array(firstChangeValue(root), "statuses").get(0)).put("status", meta);
        assertEquals(ours, adapter.parse(bytes(root)).statuses().get(0).status());
    }

    @Test
    void aPlayedVoiceNoteSaysNothingAboutDelivery() throws Exception {
        ObjectNode root = tree("status-sent.json");
        ((ObjectNode) array(firstChangeValue(root), "statuses").get(0)).put("status", "played");
        assertTrue(adapter.parse(bytes(root)).statuses().isEmpty());
    }

    @Test
    void severalEntriesChangesAndMessagesInOnePost() throws Exception {
        ObjectNode root = tree("text-message.json");
        ArrayNode entries = array(root, "entry");
        // a second message in the first change
        ArrayNode firstMessages = array(firstChangeValue(root), "messages");
        firstMessages.add(firstMessage(tree("list-reply.json")));
        // a second entry with two changes: a button reply, then a failed receipt
        ObjectNode second = (ObjectNode) array(tree("button-reply.json"), "entry").get(0);
        array(second, "changes").add(array(tree("status-failed.json"), "entry").get(0).path("changes").get(0));
        entries.add(second);
        // a third entry that only carries a receipt
        entries.add(array(tree("status-sent.json"), "entry").get(0));

        WebhookBatch batch = adapter.parse(bytes(root));

        assertEquals(List.of("Does it come in another color?", "priority_express", "change-button"),
                batch.messages().stream().map(InboundMessage::text).toList());
        assertEquals(List.of(DeliveryStatus.FAILED, DeliveryStatus.SENT),
                batch.statuses().stream().map(StatusUpdate::status).toList());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode root = tree("text-message.json");
        root.putObject("something_new").put("x", 1);
        firstMessage(root).put("new_field", true).putObject("identity").put("acknowledged", true);
        firstChangeValue(root).putArray("message_echoes").addObject().put("id", "wamid.x");
        assertEquals("Does it come in another color?", adapter.parse(bytes(root)).messages().get(0).text());
    }

    @Test
    void aChangeWithoutMessagesOrStatusesGivesNothing() throws Exception {
        String accountUpdate = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"value\":{\"event\":\"VERIFIED_ACCOUNT\"},\"field\":\"account_update\"},"
                + "{\"field\":\"messages\"}]}]}";
        WebhookBatch batch = adapter.parse(accountUpdate.getBytes(StandardCharsets.UTF_8));
        assertTrue(batch.messages().isEmpty() && batch.statuses().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "{\"object\":", "[]", "null", "42",
            "{\"object\":\"page\",\"entry\":[]}",
            "{\"entry\":[]}",
            "{\"object\":\"whatsapp_business_account\"}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[1]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":\"x\"}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":{}}}]}]}"})
    void anythingThatIsNotAWebhookOfThisShapeIsMalformed(String body) {
        assertThrows(MalformedWebhookException.class,
                () -> adapter.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void noBodyIsMalformed() {
        assertThrows(MalformedWebhookException.class, () -> adapter.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+16505551234", "1650555123x", "1", "whatsapp"})
    void aSenderThatIsNotAPhoneNumberIsMalformed(String from) throws Exception {
        ObjectNode root = tree("text-message.json");
        firstMessage(root).put("from", from);
        assertThrows(MalformedWebhookException.class, () -> adapter.parse(bytes(root)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"from", "id"})
    void aMessageWithoutSenderOrIdIsMalformed(String field) throws Exception {
        ObjectNode root = tree("text-message.json");
        firstMessage(root).remove(field);
        assertThrows(MalformedWebhookException.class, () -> adapter.parse(bytes(root)));
    }

    @Test
    void aReceiptWithoutIdIsMalformed() throws Exception {
        ObjectNode root = tree("status-sent.json");
        ((ObjectNode) array(firstChangeValue(root), "statuses").get(0)).remove("id");
        assertThrows(MalformedWebhookException.class, () -> adapter.parse(bytes(root)));
    }

    @Test
    void plainTextWithoutChoices() throws Exception {
        ProviderRequest request = adapter.send(settings, new OutboundMessage("+255754000001", "Karibu!", List.of()));
        assertEquals("/106540352242922/messages", request.path());
        assertEquals(Map.of("Authorization", "Bearer EAAJBtoken"), request.headers());
        assertEquals("application/json", request.contentType());
        assertEquals(JSON.readTree("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                + "\"to\":\"255754000001\",\"type\":\"text\",\"text\":{\"body\":\"Karibu!\",\"preview_url\":false}}"),
                JSON.readTree(request.body()));
    }

    @Test
    void upToThreeShortChoicesAreReplyButtons() throws Exception {
        JsonNode body = sent("Swali 1\na) Ndiyo\nb) Hapana\nc) Sijui", choices(3, 20));
        assertEquals("interactive", body.path("type").asText());
        assertEquals("button", body.path("interactive").path("type").asText());
        assertEquals("Swali 1\na) Ndiyo\nb) Hapana\nc) Sijui",
                body.path("interactive").path("body").path("text").asText());
        JsonNode buttons = body.path("interactive").path("action").path("buttons");
        assertEquals(3, buttons.size());
        String first = "{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"" + "x".repeat(20) + "\"}}";
        assertEquals(JSON.readTree(first), buttons.get(0));
        assertEquals("c", buttons.get(2).path("reply").path("id").asText());
        assertTrue(body.path("text").isMissingNode());
    }

    @Test
    void fourChoicesAreAListLabelledWithTheirLetters() throws Exception {
        JsonNode body = sent("Swali 2", choices(4, 24));
        JsonNode interactive = body.path("interactive");
        assertEquals("list", interactive.path("type").asText());
        assertEquals("Swali 2", interactive.path("body").path("text").asText());
        assertEquals("A/B/C/D", interactive.path("action").path("button").asText());
        JsonNode sections = interactive.path("action").path("sections");
        assertEquals(1, sections.size());
        JsonNode rows = sections.get(0).path("rows");
        assertEquals(List.of("a", "b", "c", "d"), ids(rows));
        assertEquals("d" + "x".repeat(23), rows.get(3).path("title").asText());
    }

    @Test
    void aButtonTitleOverTwentyCharactersMakesItAList() throws Exception {
        assertEquals("list", sent("Swali", choices(2, 21)).path("interactive").path("type").asText());
    }

    @Test
    void tenChoicesStillFitAList() throws Exception {
        JsonNode body = sent("Swali", choices(10, 5));
        assertEquals("A/B/C/D/E/F/G/H/I/J", body.path("interactive").path("action").path("button").asText());
    }

    @Test
    void elevenChoicesArePlainText() throws Exception {
        assertEquals("text", sent("Swali", choices(11, 5)).path("type").asText());
    }

    @Test
    void aTitleOverTwentyFourCharactersMakesItPlainText() throws Exception {
        JsonNode body = sent("Swali", choices(3, 25));
        assertEquals("text", body.path("type").asText());
        assertEquals("Swali", body.path("text").path("body").asText());
    }

    @Test
    void aTextOverTheInteractiveLimitIsPlainText() throws Exception {
        assertEquals("interactive", sent("x".repeat(1024), choices(2, 5)).path("type").asText());
        JsonNode body = sent("x".repeat(1025), choices(2, 5));
        assertEquals("text", body.path("type").asText());
        assertEquals(1025, body.path("text").path("body").asText().length());
    }

    @Test
    void duplicateChoicesArePlainTextRatherThanARejectedRequest() throws Exception {
        List<OutboundMessage.Choice> same = List.of(new OutboundMessage.Choice("a", "Ndiyo"),
                new OutboundMessage.Choice("a", "Hapana"));
        assertEquals("text", sent("Swali", same).path("type").asText());
    }

    @Test
    void longChoiceIdsThatWouldMakeAnOverlongListLabelArePlainText() throws Exception {
        List<OutboundMessage.Choice> wordy = IntStream.range(0, 4)
                .mapToObj(i -> new OutboundMessage.Choice("option" + i, "t" + i)).toList();
        assertEquals("text", sent("Swali", wordy).path("type").asText());
    }

    private JsonNode sent(String text, List<OutboundMessage.Choice> choices) throws IOException {
        return JSON.readTree(adapter.send(settings, new OutboundMessage("+255754000001", text, choices)).body());
    }

    /** {@code count} choices "a", "b"... whose titles are {@code titleLength} characters long. */
    private List<OutboundMessage.Choice> choices(int count, int titleLength) {
        return IntStream.range(0, count)
                .mapToObj(i -> new OutboundMessage.Choice(String.valueOf((char) ('a' + i)),
                        i == 0 ? "x".repeat(titleLength) : (char) ('a' + i) + "x".repeat(titleLength - 1)))
                .toList();
    }

    private List<String> ids(JsonNode rows) {
        return IntStream.range(0, rows.size()).mapToObj(i -> rows.get(i).path("id").asText()).toList();
    }

    @Test
    void okGivesTheWamid() throws Exception {
        assertEquals(new SendOutcome.Sent("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"),
                adapter.outcome(200, Map.of(), new String(example("send-response.json"), StandardCharsets.UTF_8)));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheHint() {
        assertEquals(Optional.of(Duration.ofSeconds(60)),
                retry(adapter.outcome(429, Map.of("Retry-After", "60"), error(130429))).retryAfter());
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                retry(adapter.outcome(429, Map.of("retry-after", "Tue, 14 May 2024 10:00:30 GMT"), "")).retryAfter());
        assertEquals(Optional.empty(), retry(adapter.outcome(429, Map.of(), "")).retryAfter());
    }

    @ParameterizedTest
    @ValueSource(ints = {130429, 131048, 131056, 4, 80007})
    void rateLimitCodesAreRetriedWhateverTheStatus(int code) {
        SendOutcome.Retry retry = retry(adapter.outcome(400, Map.of("Retry-After", "5"), error(code)));
        assertTrue(retry.reason().contains(String.valueOf(code)), retry.reason());
        assertEquals(Optional.of(Duration.ofSeconds(5)), retry.retryAfter());
    }

    @ParameterizedTest
    @CsvSource({"500,1", "503,2", "500,131000", "400,131016", "502,0"})
    void temporaryErrorsAreRetried(int status, int code) {
        retry(adapter.outcome(status, Map.of(), code == 0 ? "<html>Bad Gateway</html>" : error(code)));
    }

    @ParameterizedTest
    @CsvSource({"400,131026", "400,131047", "400,131051", "400,100", "401,190", "403,10", "403,200"})
    void documentedPermanentErrorsGoToDeadLetters(int status, int code) {
        SendOutcome.Permanent permanent =
                assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(status, Map.of(), error(code)));
        assertTrue(permanent.reason().contains(String.valueOf(code)), permanent.reason());
    }

    @Test
    void anyOtherClientErrorIsPermanent() {
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(400, Map.of(), error(131009)));
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(404, Map.of(), "not json"));
    }

    @Test
    void reasonsDoNotRepeatMetasMessageText() {
        SendOutcome.Permanent permanent =
                assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(400, Map.of(), error(131026)));
        assertFalse(permanent.reason().contains("Undeliverable."), permanent.reason());
    }

    private SendOutcome.Retry retry(SendOutcome outcome) {
        return assertInstanceOf(SendOutcome.Retry.class, outcome);
    }

    /** The Graph API's error body shape. */
    private String error(int code) {
        return "{\"error\":{\"message\":\"(#" + code + ") Message Undeliverable.\",\"type\":\"OAuthException\","
                + "\"code\":" + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"Message Undeliverable.\"},\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}";
    }

    @Test
    void settingsNeverShowTheirSecrets() {
        String shown = settings.toString();
        assertFalse(shown.contains("EAAJBtoken") || shown.contains("app-s3cret") || shown.contains("verify-me"), shown);
        assertTrue(shown.contains("106540352242922"));
    }

    private static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static byte[] example(String name) throws IOException {
        return ProviderExamples.bytes("whatsapp", name);
    }

    private static ObjectNode tree(String name) throws IOException {
        return ProviderExamples.tree("whatsapp", name);
    }

    private static byte[] bytes(JsonNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ArrayNode array(JsonNode node, String name) {
        return (ArrayNode) node.get(name);
    }

    private static ObjectNode firstChangeValue(ObjectNode root) {
        return (ObjectNode) array(root, "entry").get(0).path("changes").get(0).path("value");
    }

    private static ObjectNode firstMessage(ObjectNode root) {
        return (ObjectNode) array(firstChangeValue(root), "messages").get(0);
    }
}
