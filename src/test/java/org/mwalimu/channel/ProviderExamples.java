package org.mwalimu.channel;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The providers' documented example payloads under src/test/resources/providers/&lt;provider&gt;/. */
final class ProviderExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderExamples() {
    }

    static byte[] bytes(String provider, String name) throws IOException {
        try (InputStream in = ProviderExamples.class.getResourceAsStream("/providers/" + provider + "/" + name)) {
            assertNotNull(in, provider + "/" + name);
            return in.readAllBytes();
        }
    }

    static String text(String provider, String name) throws IOException {
        return new String(bytes(provider, name), StandardCharsets.UTF_8);
    }

    static ObjectNode tree(String provider, String name) throws IOException {
        return (ObjectNode) JSON.readTree(bytes(provider, name));
    }

    /** A form body example, decoded; the map may be changed by the test. */
    static Map<String, String> form(String provider, String name) throws IOException {
        return decodeForm(text(provider, name));
    }

    /** Decodes an application/x-www-form-urlencoded body the way the web layer does. */
    static Map<String, String> decodeForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.strip().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
