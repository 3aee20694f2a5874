package org.mwalimu.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading the JSON providers send: strictly for webhooks, leniently for API answers. */
final class ProviderJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderJson() {
    }

    /** A webhook body that must be a JSON object; {@code what} names it in the error. */
    static JsonNode object(byte[] body, String what) throws MalformedWebhookException {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("empty " + what);
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedWebhookException(what + " is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new MalformedWebhookException(what + " is not JSON");
        }
    }

    /** An API answer, or a missing node when it is empty or not JSON. */
    static JsonNode lenient(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.missingNode() : node;
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
    }
}
