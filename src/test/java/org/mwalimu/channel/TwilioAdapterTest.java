package org.mwalimu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioAdapterTest {

    private static final Instant NOW = Instant.parse("2024-05-14T10:00:00Z");

    // Twilio's documented example (webhooks security guide)
    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioAdapter adapter = new TwilioAdapter(Clock.fixed(NOW, ZoneOffset.UTC));
    private final TwilioSettings settings = new TwilioSettings("AC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d", "s3cr3t-token",
            "+255222110000", "whatsapp:+14155238886", "https://mwalimu.example.org/webhooks/twilio/status");
    private final OutboundMessage message = new OutboundMessage("+255754000001",
            "Swali 1: 1+1=? & nini?\n1. 2\n2. 3 ü", List.of());

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        params.put("From", "+14158675309");
        params.put("To", "+18005551212");
        return params;
    }

    @Test
    void theDocumentedExampleIsValid() {
        assertTrue(TwilioAdapter.signatureValid(TOKEN, URL, params(), SIGNATURE));
    }

    @Test
    void theOrderInWhichParametersArriveDoesNotMatter() {
        List<String> names = new ArrayList<>(params().keySet());
        Collections.reverse(names);
        Map<String, String> reversed = new LinkedHashMap<>();
        names.forEach(name -> reversed.put(name, params().get(name)));
        assertTrue(TwilioAdapter.signatureValid(TOKEN, URL, reversed, SIGNATURE));
    }

    @Test
    void theUrlWithItsDefaultPortSpelledOutIsTheSameUrl() {
        assertTrue(TwilioAdapter.signatureValid(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", params(),
                SIGNATURE));
    }

    @Test
    void aWrongSignatureIsRejected() {
        assertFalse(TwilioAdapter.signatureValid(TOKEN, URL, params(), "RSOYDt4T1cUTdK1PDd93/VVr8B9="));
    }

    @Test
    void aChangedParameterIsRejected() {
        Map<String, String> params = params();
        params.put("Digits", "1235");
        assertFalse(TwilioAdapter.signatureValid(TOKEN, URL, params, SIGNATURE));
    }

    @Test
    void aMissingParameterIsRejected() {
        Map<String, String> params = params();
        params.remove("To");
        assertFalse(TwilioAdapter.signatureValid(TOKEN, URL, params, SIGNATURE));
    }

    @Test
    void anAddedParameterIsRejected() {
        Map<String, String> params = params();
        params.put("Body", "hello");
        assertFalse(TwilioAdapter.signatureValid(TOKEN, URL, params, SIGNATURE));
    }

    @Test
    void aChangedUrlIsRejected() {
        assertFalse(TwilioAdapter.signatureValid(TOKEN, "https://mycompany.com/myapp.php?foo=2&bar=2", params(),
                SIGNATURE));
        assertFalse(TwilioAdapter.signatureValid(TOKEN, "http://mycompany.com/myapp.php?foo=1&bar=2", params(),
                SIGNATURE));
    }

    @Test
    void anotherTokenIsRejected() {
        assertFalse(TwilioAdapter.signatureValid("54321", URL, params(), SIGNATURE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noSignatureIsRejected(String signature) {
        assertFalse(TwilioAdapter.signatureValid(TOKEN, URL, params(), signature));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noTokenIsRejected(String token) {
        assertFalse(TwilioAdapter.signatureValid(token, URL, params(), SIGNATURE));
    }

    @Test
    void anSmsFromTheExampleFile() throws Exception {
        WebhookBatch batch = adapter.parseMessage(form("inbound-sms.form"));
        assertEquals(List.of(new InboundMessage("twilio", "+255754000001", "SM7d3c1f0e9a8b4c2d1e0f9a8b7c6d5e4f",
                "Habari Mwalimu, nataka kujifunza", true)), batch.messages());
        assertTrue(batch.statuses().isEmpty());
    }

    @Test
    void aWhatsAppMessageIsOnTheTwilioWhatsAppChannelWithAPlainNumber() throws Exception {
        WebhookBatch batch = adapter.parseMessage(form("inbound-whatsapp.form"));
        assertEquals(List.of(new InboundMessage("twilio-whatsapp", "+255754000002",
                "SM9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b", "1", true)), batch.messages());
    }

    @Test
    void mediaWithoutTextIsUnreadable() throws Exception {
        InboundMessage message = adapter.parseMessage(form("inbound-whatsapp-image.form")).messages().get(0);
        assertFalse(message.readable());
        assertEquals("", message.text());
        assertEquals("MM0f1e2d3c4b5a69788796a5b4c3d2e1f0", message.messageId());
    }

    @Test
    void mediaWithACaptionIsReadAsItsCaption() throws Exception {
        Map<String, String> form = form("inbound-whatsapp-image.form");
        form.put("Body", "ni hii");
        InboundMessage message = adapter.parseMessage(form).messages().get(0);
        assertTrue(message.readable());
        assertEquals("ni hii", message.text());
    }

    @Test
    void aSharedLocationIsUnreadable() throws Exception {
        Map<String, String> form = form("inbound-whatsapp.form");
        form.put("Body", "");
        form.put("Latitude", "-6.7924");
        form.put("Longitude", "39.2083");
        assertFalse(adapter.parseMessage(form).messages().get(0).readable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"From", "MessageSid"})
    void aMessageWithoutSenderOrIdIsMalformed(String field) throws Exception {
        Map<String, String> form = form("inbound-sms.form");
        form.remove(field);
        assertThrows(MalformedWebhookException.class, () -> adapter.parseMessage(form));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0754000001", "MWALIMU", "+1", "whatsapp:", "whatsapp:0754000001", " "})
    void aSenderThatIsNotAnInternationalNumberIsMalformed(String from) throws Exception {
        Map<String, String> form = form("inbound-sms.form");
        form.put("From", from);
        assertThrows(MalformedWebhookException.class, () -> adapter.parseMessage(form));
    }

    @Test
    void theMalformedMessageDoesNotRepeatTheSender() throws Exception {
        Map<String, String> form = form("inbound-sms.form");
        form.put("From", "0754000001");
        MalformedWebhookException e = assertThrows(MalformedWebhookException.class,
                () -> adapter.parseMessage(form));
        assertFalse(e.getMessage().contains("0754000001"));
    }

    @Test
    void aDeliveredReceipt() throws Exception {
        assertEquals(WebhookBatch.of(new StatusUpdate("twilio", "SM4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f",
                DeliveryStatus.DELIVERED, "")), adapter.parseStatus(form("status-delivered.form")));
    }

    @Test
    void anUndeliveredReceiptCarriesTheErrorCode() throws Exception {
        assertEquals(WebhookBatch.of(new StatusUpdate("twilio", "SM5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a",
                DeliveryStatus.FAILED, "30003")), adapter.parseStatus(form("status-undelivered.form")));
    }

    @ParameterizedTest
    @CsvSource({"queued,QUEUED", "accepted,QUEUED", "sending,QUEUED", "sent,SENT", "delivered,DELIVERED",
            "read,READ", "failed,FAILED", "undelivered,FAILED"})
    void twilioStatusesMapToOurs(String twilio, DeliveryStatus ours) throws Exception {
        Map<String, String> form = form("status-delivered.form");
        form.put("MessageStatus", twilio);
        assertEquals(ours, adapter.parseStatus(form).statuses().get(0).status());
    }

    @Test
    void aWhatsAppReceiptIsOnTheWhatsAppChannel() throws Exception {
        Map<String, String> form = form("status-delivered.form");
        form.put("From", "whatsapp:+14155238886");
        form.put("To", "whatsapp:+255754000001");
        assertEquals("twilio-whatsapp", adapter.parseStatus(form).statuses().get(0).channel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"receiving", "received", "scheduled", ""})
    void aStatusThatSaysNothingAboutDeliveryIsIgnored(String twilio) throws Exception {
        Map<String, String> form = form("status-delivered.form");
        form.put("MessageStatus", twilio);
        WebhookBatch batch = adapter.parseStatus(form);
        assertTrue(batch.statuses().isEmpty() && batch.messages().isEmpty());
    }

    @Test
    void aReceiptWithoutMessageSidIsIgnored() throws Exception {
        Map<String, String> form = form("status-delivered.form");
        form.remove("MessageSid");
        assertTrue(adapter.parseStatus(form).statuses().isEmpty());
    }

    @Test
    void anSmsIsAFormPostToTheAccountsMessages() {
        ProviderRequest request = adapter.send(settings, message, false);
        assertEquals("/2010-04-01/Accounts/AC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d/Messages.json", request.path());
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        String basic = Base64.getEncoder().encodeToString(
                "AC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d:s3cr3t-token".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of("Authorization", "Basic " + basic), request.headers());
        assertEquals(Map.of("To", "+255754000001", "From", "+255222110000", "Body", message.text(),
                "StatusCallback", "https://mwalimu.example.org/webhooks/twilio/status"), decode(request.body()));
    }

    @Test
    void whatsAppAddressesCarryThePrefixOnce() {
        Map<String, String> withPrefix = decode(adapter.send(settings, message, true).body());
        assertEquals("whatsapp:+255754000001", withPrefix.get("To"));
        assertEquals("whatsapp:+14155238886", withPrefix.get("From"));
        TwilioSettings bare = new TwilioSettings("AC1", "t", "", "+14155238886", "");
        assertEquals("whatsapp:+14155238886", decode(adapter.send(bare, message, true).body()).get("From"));
    }

    @Test
    void noStatusCallbackWhenNoneIsSet() {
        TwilioSettings none = new TwilioSettings("AC1", "t", "+255222110000", "", "");
        assertFalse(decode(adapter.send(none, message, false).body()).containsKey("StatusCallback"));
    }

    @Test
    void choicesAreNotSentApartBecauseTheyAreInTheText() {
        OutboundMessage quiz = new OutboundMessage(message.address(), message.text(),
                List.of(new OutboundMessage.Choice("a", "2"), new OutboundMessage.Choice("b", "3")));
        assertEquals(adapter.send(settings, message, false), adapter.send(settings, quiz, false));
    }

    @Test
    void createdGivesTheMessageSid() throws Exception {
        assertEquals(new SendOutcome.Sent("SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
                adapter.outcome(201, Map.of(), text("send-response.json")));
        assertEquals(new SendOutcome.Sent("SMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
                adapter.outcome(200, Map.of(), text("send-response.json")));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheSecondsGiven() {
        assertEquals(new SendOutcome.Retry("twilio http 429", Optional.of(Duration.ofSeconds(30))),
                adapter.outcome(429, Map.of("Retry-After", "30"), error(20429)));
        assertEquals(Optional.of(Duration.ofSeconds(7)),
                retryAfter(adapter.outcome(429, Map.of("retry-after", " 7 "), "")));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                retryAfter(adapter.outcome(429, Map.of("Retry-After", "Tue, 14 May 2024 10:01:30 GMT"), "")));
        assertEquals(Optional.of(Duration.ZERO),
                retryAfter(adapter.outcome(429, Map.of("Retry-After", "Tue, 14 May 2024 09:00:00 GMT"), "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", ""})
    void anUnusableRetryAfterIsNoHint(String value) {
        assertEquals(Optional.empty(), retryAfter(adapter.outcome(429, Map.of("Retry-After", value), "")));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetried(int status) {
        SendOutcome outcome = adapter.outcome(status, Map.of(), "<html>oops</html>");
        assertInstanceOf(SendOutcome.Retry.class, outcome);
    }

    @Test
    void aServerErrorMayAlsoSayWhenToRetry() {
        assertEquals(Optional.of(Duration.ofSeconds(5)),
                retryAfter(adapter.outcome(503, Map.of("Retry-After", "5"), "")));
    }

    @ParameterizedTest
    @CsvSource({"400,21211", "400,21214", "400,21612", "400,21614", "400,21610", "400,21408", "401,20003",
            "404,20404"})
    void documentedRecipientAndAccountErrorsArePermanent(int status, int code) {
        SendOutcome outcome = adapter.outcome(status, Map.of(), error(code));
        SendOutcome.Permanent permanent = assertPermanent(outcome);
        assertTrue(permanent.reason().contains(String.valueOf(code)), permanent.reason());
        assertFalse(permanent.reason().contains("+255754000001"), "no phone numbers in reasons");
    }

    @Test
    void anyOtherClientErrorIsPermanentToo() {
        assertPermanent(adapter.outcome(400, Map.of(), error(21602)));
        assertPermanent(adapter.outcome(403, Map.of(), "not json"));
    }

    private SendOutcome.Permanent assertPermanent(SendOutcome outcome) {
        return assertInstanceOf(SendOutcome.Permanent.class, outcome);
    }

    private Optional<Duration> retryAfter(SendOutcome outcome) {
        return assertInstanceOf(SendOutcome.Retry.class, outcome).retryAfter();
    }

    /** Twilio's error body shape. */
    private String error(int code) {
        return "{\"code\": " + code + ", \"message\": \"The 'To' number +255754000001 is not valid.\", "
                + "\"more_info\": \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": 400}";
    }

    @Test
    void settingsNeverShowTheAuthToken() {
        assertFalse(settings.toString().contains("s3cr3t-token"));
        assertTrue(settings.toString().contains("AC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"));
    }

    private static Map<String, String> form(String name) throws IOException {
        return ProviderExamples.form("twilio", name);
    }

    private static String text(String name) throws IOException {
        return ProviderExamples.text("twilio", name);
    }

    private static Map<String, String> decode(String body) {
        return ProviderExamples.decodeForm(body);
    }
}
