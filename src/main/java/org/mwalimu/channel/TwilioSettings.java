package org.mwalimu.channel;

import java.util.Objects;

/**
 * Twilio account settings.
 *
 * @param accountSid        the account SID (ACxxx...), also the user of HTTP basic authentication
 * @param authToken         the auth token: signs webhooks and authenticates API calls; never logged
 * @param from              the SMS sender: an E.164 number, an alphanumeric sender id, or "" when unused
 * @param whatsappFrom      the WhatsApp sender, "whatsapp:+..." (the prefix is added when missing), or "" when unused
 * @param statusCallbackUrl where Twilio posts delivery receipts, or "" for none
 */
public record TwilioSettings(String accountSid, String authToken, String from, String whatsappFrom,
        String statusCallbackUrl) {

    public TwilioSettings {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        from = Objects.requireNonNullElse(from, "");
        whatsappFrom = Objects.requireNonNullElse(whatsappFrom, "");
        statusCallbackUrl = Objects.requireNonNullElse(statusCallbackUrl, "");
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=***, from=" + from + ", whatsappFrom="
                + whatsappFrom + ", statusCallbackUrl=" + statusCallbackUrl + "]";
    }
}
