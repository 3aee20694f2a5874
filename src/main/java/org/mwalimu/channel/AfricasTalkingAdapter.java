package org.mwalimu.channel;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Africa's Talking SMS: parses the incoming-message and delivery-report callbacks, builds send requests and
 * classifies the API's answers. Pure: no I/O.
 */
public final class AfricasTalkingAdapter {

    public static final String CHANNEL = "at-sms";


    private static final Set<Integer> ACCEPTED = Set.of(100, 101, 102);
    private static final Set<Integer> TEMPORARY = Set.of(407, 500, 501, 502);
    private static final Map<Integer, String> PERMANENT_STATUS = Map.of(
            401, "RiskHold",
            402, "InvalidSenderId",
            403, "InvalidPhoneNumber",
            404, "UnsupportedNumberType",
            405, "InsufficientBalance",
            406, "UserInBlacklist");

    /** An SMS a citizen sent to our short code or number. */
    public WebhookBatch parseSms(Map<String, String> form) throws MalformedWebhookException {
        String from = field(form, "from");
        String id = field(form, "id");
        if (from.isBlank()) {
            throw new MalformedWebhookException("Africa's Talking message without from");
        }
        if (id.isBlank()) {
            throw new MalformedWebhookException("Africa's Talking message without id");
        }
        String address = PhoneNumbers.e164(from).orElseThrow(
                () -> new MalformedWebhookException("Africa's Talking from is not an international phone number"));
        return WebhookBatch.of(new InboundMessage(CHANNEL, address, id, field(form, "text"), true));
    }

    /** A delivery report; an unknown status or a missing id gives an empty batch. */
    public WebhookBatch parseDelivery(Map<String, String> form) {
        String id = field(form, "id");
        Optional<DeliveryStatus> status = switch (field(form, "status")) {
            case "Success" -> Optional.of(DeliveryStatus.DELIVERED);
            case "Sent", "Submitted", "Buffered" -> Optional.of(DeliveryStatus.SENT);
            case "Rejected", "Failed", "AbsentSubscriber", "Expired" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty();
        };
        if (id.isBlank() || status.isEmpty()) {
            return new WebhookBatch(List.of(), List.of());
        }
        return WebhookBatch.of(new StatusUpdate(CHANNEL, id, status.get(), field(form, "failureReason")));
    }

    /** POST /version1/messaging. */
    public ProviderRequest send(AfricasTalkingSettings s, OutboundMessage m) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", s.username());
        form.put("to", m.address());
        form.put("message", m.text());
        if (!s.from().isBlank()) {
            form.put("from", s.from());
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new ProviderRequest("/version1/messaging", Map.of("apiKey", s.apiKey(), "Accept", "application/json"),
                "application/x-www-form-urlencoded", body);
    }

    /** What the answer to a send means: mostly decided by the first recipient's statusCode. */
    public SendOutcome outcome(int status, Map<String, String> headers, String body) {
        if (status == 429 || (status >= 500 && status <= 599)) {
            return new SendOutcome.Retry("africastalking http " + status, Optional.empty());
        }
        if (status == 401) {
            return new SendOutcome.Permanent("africastalking http 401 (credentials rejected)");
        }
        JsonNode data = ProviderJson.lenient(body).path("SMSMessageData");
        JsonNode recipient = data.path("Recipients").path(0);
        if (recipient.isMissingNode()) {
            if (data.isMissingNode()) {
                return new SendOutcome.Permanent("africastalking http " + status + " without SMSMessageData");
            }
            return new SendOutcome.Permanent("africastalking: " + data.path("Message").asText("no recipients"));
        }
        int code = recipient.path("statusCode").asInt(0);
        if (ACCEPTED.contains(code)) {
            return new SendOutcome.Sent(recipient.path("messageId").asText(""));
        }
        String reason = "africastalking status " + code + " "
                + PERMANENT_STATUS.getOrDefault(code, recipient.path("status").asText(""));
        if (TEMPORARY.contains(code)) {
            return new SendOutcome.Retry(reason.strip(), Optional.empty());
        }
        return new SendOutcome.Permanent(reason.strip());
    }

    private static String field(Map<String, String> form, String name) {
        String value = form == null ? null : form.get(name);
        return value == null ? "" : value;
    }
}
