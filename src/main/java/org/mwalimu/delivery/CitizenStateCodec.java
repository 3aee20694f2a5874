package org.mwalimu.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.mwalimu.conversation.CitizenState;

/** Citizen state as stored JSON; unknown fields are ignored so older instances read newer states. */
final class CitizenStateCodec {

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
            throw new IllegalStateException("stored citizen state is unreadable", e);
        }
    }
}
