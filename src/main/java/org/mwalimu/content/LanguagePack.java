package org.mwalimu.content;

import java.util.List;
import java.util.Map;

/** The system messages and command keywords of one language. */
public record LanguagePack(String code, String name, Map<Command, List<String>> commands,
                           Map<MessageKey, String> messages) {

    public LanguagePack {
        commands = Map.copyOf(commands);
        messages = Map.copyOf(messages);
    }
}
