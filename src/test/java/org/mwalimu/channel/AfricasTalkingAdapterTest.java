package org.mwalimu.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AfricasTalkingAdapterTest {

    private final AfricasTalkingAdapter adapter = new AfricasTalkingAdapter();
    private final AfricasTalkingSettings settings = new AfricasTalkingSettings("mwalimu", "atsk_s3cret", "22384");
    private final OutboundMessage message = new OutboundMessage("+254711082001", "Somo 1: barua pepe & nywila = ?",
            List.of(new OutboundMessage.Choice("a", "ignored")));

    @Test
    void anSmsFromTheExampleFile() throws Exception {
        WebhookBatch batch = adapter.parseSms(form("sms.form"));
        assertEquals(List.of(new InboundMessage("at-sms", "+254711082001", "a3f2c1e0-9b8d-4c7e-8f6a-5b4c3d2e1f0a",
                "Habari Mwalimu", true)), batch.messages());
        assertTrue(batch.statuses().isEmpty());
    }

    @Test
    void anEmptySmsIsReadableAndEmpty() throws Exception {
        Map<String, String> form = form("sms.form");
        form.remove("text");
        assertEquals(new InboundMessage("at-sms", "+254711082001", "a3f2c1e0-9b8d-4c7e-8f6a-5b4c3d2e1f0a", "", true),
                adapter.parseSms(form).messages().get(0));
    }

    @Test
    void optionalFieldsMayBeMissing() throws Exception {
        assertEquals("+254711082001",
                adapter.parseSms(Map.of("from", "+254711082001", "id", "x1")).messages().get(0).address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from", "id"})
    void anSmsWithoutSenderOrIdIsMalformed(String field) throws Exception {
        Map<String, String> form = form("sms.form");
        form.remove(field);
        assertThrows(MalformedWebhookException.class, () -> adapter.parseSms(form));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0711082001", "254711082001", "AFRICASTKNG", "+1"})
    void aSenderThatIsNotAnInternationalNumberIsMalformed(String from) throws Exception {
        Map<String, String> form = form("sms.form");
        form.put("from", from);
        assertThrows(MalformedWebhookException.class, () -> adapter.parseSms(form));
    }

    @Test
    void aDeliveredReport() throws Exception {
        assertEquals(WebhookBatch.of(new StatusUpdate("at-sms", "ATXid_7b1e3c5a9d2f4e6b8a0c2e4f6a8b0c2d",
                DeliveryStatus.DELIVERED, "")), adapter.parseDelivery(form("delivery.form")));
    }

    @Test
    void aFailedReportCarriesTheFailureReason() throws Exception {
        assertEquals(WebhookBatch.of(new StatusUpdate("at-sms", "ATXid_8c2f4d6b0e3a5f7c9b1d3f5a7c9e1b3d",
                DeliveryStatus.FAILED, "UserInBlacklist")), adapter.parseDelivery(form("delivery-failed.form")));
    }

    @ParameterizedTest
    @CsvSource({"Success,DELIVERED", "Sent,SENT", "Submitted,SENT", "Buffered,SENT", "Rejected,FAILED",
            "Failed,FAILED", "AbsentSubscriber,FAILED", "Expired,FAILED"})
    void statusesMapToOurs(String at, DeliveryStatus ours) throws Exception {
        Map<String, String> form = form("delivery.form");
        form.put("status", at);
        assertEquals(ours, adapter.parseDelivery(form).statuses().get(0).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Queued", "success", ""})
    void anUnknownStatusIsIgnored(String at) throws Exception {
        Map<String, String> form = form("delivery.form");
        form.put("status", at);
        assertTrue(adapter.parseDelivery(form).statuses().isEmpty());
    }

    @Test
    void aReportWithoutIdIsIgnored() throws Exception {
        Map<String, String> form = form("delivery.form");
        form.remove("id");
        assertTrue(adapter.parseDelivery(form).statuses().isEmpty());
    }

    @Test
    void aFormPostWithTheApiKeyHeader() {
        ProviderRequest request = adapter.send(settings, message);
        assertEquals("/version1/messaging", request.path());
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        assertEquals(Map.of("apiKey", "atsk_s3cret", "Accept", "application/json"), request.headers());
        assertEquals(Map.of("username", "mwalimu", "to", "+254711082001", "message", message.text(), "from", "22384"),
                decode(request.body()));
    }

    @Test
    void noFromWhenTheAccountDefaultIsUsed() {
        ProviderRequest request = adapter.send(new AfricasTalkingSettings("sandbox", "k", ""), message);
        assertEquals(Map.of("username", "sandbox", "to", "+254711082001", "message", message.text()),
                decode(request.body()));
    }

    @Test
    void theDocumentedSuccessGivesTheMessageId() throws Exception {
        assertEquals(new SendOutcome.Sent("ATPid_SampleTxnId123"),
                adapter.outcome(201, Map.of(), text("send-response.json")));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101, 102})
    void processedSentAndQueuedAreAllSent(int code) {
        assertEquals(new SendOutcome.Sent("ATXid_1"), adapter.outcome(201, Map.of(), recipient(code, "Success")));
    }

    @ParameterizedTest
    @CsvSource({"401,RiskHold", "402,InvalidSenderId", "403,InvalidPhoneNumber", "404,UnsupportedNumberType",
            "405,InsufficientBalance", "406,UserInBlacklist"})
    void recipientRejectionsArePermanent(int code, String status) {
        SendOutcome.Permanent permanent = assertInstanceOf(SendOutcome.Permanent.class,
                adapter.outcome(201, Map.of(), recipient(code, status)));
        assertTrue(permanent.reason().contains(String.valueOf(code)) && permanent.reason().contains(status),
                permanent.reason());
    }

    @ParameterizedTest
    @CsvSource({"407,CouldNotRoute", "500,InternalServerError", "501,GatewayError", "502,RejectedByGateway"})
    void gatewayTroubleIsRetried(int code, String status) {
        assertInstanceOf(SendOutcome.Retry.class, adapter.outcome(201, Map.of(), recipient(code, status)));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void busyOrBrokenApiIsRetried(int status) {
        assertInstanceOf(SendOutcome.Retry.class, adapter.outcome(status, Map.of(), "Service Unavailable"));
    }

    @Test
    void rejectedCredentialsArePermanent() {
        assertInstanceOf(SendOutcome.Permanent.class,
                adapter.outcome(401, Map.of(), "The supplied authentication is invalid"));
    }

    @Test
    void noRecipientsIsPermanentWithTheApisMessage() {
        String body = "{\"SMSMessageData\":{\"Message\":\"InvalidSenderId\",\"Recipients\":[]}}";
        SendOutcome.Permanent permanent =
                assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(201, Map.of(), body));
        assertTrue(permanent.reason().contains("InvalidSenderId"), permanent.reason());
    }

    @Test
    void aBodyThatIsNotTheApisIsPermanent() {
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(400, Map.of(), "Invalid phone number"));
        assertInstanceOf(SendOutcome.Permanent.class, adapter.outcome(201, Map.of(), ""));
    }

    /** The API's answer for one recipient. */
    private String recipient(int code, String status) {
        return "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: KES 0.8000\",\"Recipients\":[{"
                + "\"statusCode\":" + code + ",\"number\":\"+254711082001\",\"status\":\"" + status + "\","
                + "\"cost\":\"KES 0.8000\",\"messageId\":\"ATXid_1\"}]}}";
    }

    @Test
    void settingsNeverShowTheApiKey() {
        assertFalse(settings.toString().contains("atsk_s3cret"));
        assertTrue(settings.toString().contains("mwalimu"));
    }

    private static Map<String, String> form(String name) throws IOException {
        return ProviderExamples.form("africastalking", name);
    }

    private static String text(String name) throws IOException {
        return ProviderExamples.text("africastalking", name);
    }

    private static Map<String, String> decode(String body) {
        return ProviderExamples.decodeForm(body);
    }
}
