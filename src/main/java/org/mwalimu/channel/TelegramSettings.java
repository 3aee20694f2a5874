package org.mwalimu.channel;

import java.util.Objects;

/**
 * Telegram bot settings.
 *
 * @param botToken    the token BotFather gave; part of every API path, so never logged
 * @param secretToken the secret given to setWebhook, echoed in X-Telegram-Bot-Api-Secret-Token; never logged
 */
public record TelegramSettings(String botToken, String secretToken) {

    public TelegramSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(secretToken, "secretToken");
    }

    @Override
    public String toString() {
        return "TelegramSettings[botToken=***, secretToken=***]";
    }
}
