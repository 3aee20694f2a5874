package org.mwalimu.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.mwalimu.conversation.CitizenState;

/** Citizen state as stored JSON; unknown fields are ignored so older instances read newer states. */
final class CitizenStateCodec {

    /** A stored state this version cannot read; the message is set aside rather than retried forever. */
    static final class UnreadableState extends IllegalStateException {
        UnreadableState(Exception cause) {
            super("stored citizen state is unreadable", cause);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    String encode(CitizenState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("citizen state is not serialisable", e);
        }
    }

    CitizenState decode(Optional<String> json) {
        if (json.isEmpty()) {
            return CitizenState.newcomer();
        }
        try {
            return mapper.readValue(json.get(), CitizenState.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableState(e);
        }
    }
}
