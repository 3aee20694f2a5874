package org.mwalimu.web;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Reads and checks fields of a JSON request body, failing with a 400 that names the field. */
public final class JsonBody {

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody of(RoutingContext ctx) {
        Object parsed;
        try {
            parsed = ctx.body().buffer() == null || ctx.body().length() == 0 ? null : Json.decodeValue(ctx.body().buffer());
        } catch (RuntimeException e) {
            throw ApiError.badRequest("bad_json", "The body is not valid JSON.");
        }
        if (!(parsed instanceof JsonObject object)) {
            throw ApiError.badRequest("bad_json", "The body must be a JSON object.");
        }
        return new JsonBody(object);
    }

    public String requiredString(String field, int maxLength) {
        return optionalString(field, maxLength)
                .orElseThrow(() -> ApiError.badRequest("missing_field", "'" + field + "' is required."));
    }

    public Optional<String> optionalString(String field, int maxLength) {
        Object value = json.getValue(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw ApiError.badRequest("wrong_type", "'" + field + "' must be a string.");
        }
        if (text.length() > maxLength) {
            throw ApiError.badRequest("too_long", "'" + field + "' is longer than " + maxLength + " characters.");
        }
        return Optional.of(text);
    }
}
