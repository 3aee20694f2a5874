package org.mwalimu.channel;

import java.util.Map;

/**
 * An HTTP request to a provider's API, built by a pure formatter and sent by the delivery workers.
 *
 * @param path        path and query relative to the provider's configured base URL, starting with "/"
 * @param headers     extra headers (authorization, accept...)
 * @param contentType "application/json" or "application/x-www-form-urlencoded"
 * @param body        the encoded body
 */
public record ProviderRequest(String path, Map<String, String> headers, String contentType, String body) {

    public ProviderRequest {
        headers = Map.copyOf(headers);
    }

    /** Headers, body and some paths carry credentials or phone numbers: only the shape is shown. */
    @Override
    public String toString() {
        return "ProviderRequest[" + contentType + ", " + body.length() + " characters]";
    }
}
