package org.mwalimu.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Flat string maps to JSON for the Lua scripts, which turn them into stream fields. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String of(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> map(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored value is not JSON", e);
        }
    }

    static String list(List<Map<String, String>> entries) {
        return entries.isEmpty() ? "[]" : of(entries);
    }
}
