package org.mwalimu.channel;

import java.util.Objects;

/**
 * WhatsApp Cloud API settings.
 *
 * @param phoneNumberId the business phone number id messages are sent from
 * @param accessToken   the Graph API access token; never logged
 * @param appSecret     the Meta app secret that signs webhooks (X-Hub-Signature-256); never logged
 * @param verifyToken   the token Meta echoes back when the webhook is registered; never logged
 */
public record WhatsAppSettings(String phoneNumberId, String accessToken, String appSecret, String verifyToken) {

    public WhatsAppSettings {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
    }

    @Override
    public String toString() {
        return "WhatsAppSettings[phoneNumberId=" + phoneNumberId + ", accessToken=***, appSecret=***, verifyToken=***]";
    }
}
