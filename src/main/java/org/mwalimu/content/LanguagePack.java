package org.mwalimu.content;

import java.util.List;
import java.util.Map;

/**
 * The system messages and command keywords of one language, with the shorter forms some messages
 * take on USSD screens ({@code ussdMessages}, which may leave any key out).
 */
public record LanguagePack(String code, String name, Map<Command, List<String>> commands,
                           Map<MessageKey, String> messages, Map<MessageKey, String> ussdMessages) {

    public LanguagePack {
        commands = Map.copyOf(commands);
        messages = Map.copyOf(messages);
        ussdMessages = Map.copyOf(ussdMessages);
    }

    public String message(MessageKey key, Surface surface) {
        return surface == Surface.USSD ? ussdMessages.getOrDefault(key, messages.get(key)) : messages.get(key);
    }
}
