package org.mwalimu.channel;

import java.util.Objects;

/**
 * Africa's Talking SMS settings.
 *
 * @param username the application's username ("sandbox" in the sandbox)
 * @param apiKey   the API key; never logged
 * @param from     the short code or sender id to send from, or "" for the account's default
 */
public record AfricasTalkingSettings(String username, String apiKey, String from) {

    public AfricasTalkingSettings {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(apiKey, "apiKey");
        from = Objects.requireNonNullElse(from, "");
    }

    @Override
    public String toString() {
        return "AfricasTalkingSettings[username=" + username + ", apiKey=***, from=" + from + "]";
    }
}
