package org.mwalimu.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.mwalimu.channel.OutboundMessage;
import org.mwalimu.conversation.Reply;

/** Quiz choices carried in an outbound stream field as JSON. */
final class Choices {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Choices() {
    }

    static String encode(List<Reply.Choice> choices) {
        if (choices.isEmpty()) {
            return "";
        }
        try {
            return MAPPER.writeValueAsString(choices.stream().map(c -> List.of(c.id(), c.title())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<OutboundMessage.Choice> decode(String field) {
        if (field.isEmpty()) {
            return List.of();
        }
        try {
            List<List<String>> pairs = MAPPER.readValue(field, new TypeReference<>() { });
            return pairs.stream().map(p -> new OutboundMessage.Choice(p.get(0), p.get(1))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad choices field", e);
        }
    }
}
