package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lettuce.core.Range;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a client sends, it gets a clear 4xx JSON error and nothing is queued. */
@ExtendWith(VertxExtension.class)
class BadInputIT {

    private static final String FROM = "+255700000501";
    private static final String VALID = "+255700000599";

    private static RunningServer server;
    private static Mwalimu app;
    private static TestRedis redis;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        app = server.app();
        redis = server.redis();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"from\": \"+255700000501\", \"text\": ",
        "not json at all",
        "[1, 2, 3]",
        "\"just a string\"",
        "",
        "{\"text\": \"hi\"}",
        "{\"from\": \"+255700000501\"}",
        "{\"from\": 255700000501, \"text\": \"hi\"}",
        "{\"from\": \"+255700000501\", \"text\": 42}",
        "{\"from\": \"+255700000501\", \"text\": [\"hi\"]}",
        "{\"from\": \"+255700000501\", \"text\": \"hi\", \"id\": 7}",
        "{\"from\": \"hello\", \"text\": \"hi\"}",
        "{\"from\": \"0700000501\", \"text\": \"hi\"}",
        "{\"from\": null, \"text\": \"hi\"}"
    })
    void aMalformedMessageIsRefusedWith400(String body, Vertx vertx) {
        assertRefused(new SimPhone(vertx, app.httpPort()).post(body, TestApp.TOKEN), 400);
    }

    @Test
    void aTextOver4096CharactersIsRefused(Vertx vertx) {
        String body = new JsonObject().put("from", FROM).put("text", "a".repeat(4097)).encode();
        assertRefused(new SimPhone(vertx, app.httpPort()).post(body, TestApp.TOKEN), 400);
    }

    @Test
    void aTextOfExactly4096CharactersIsAccepted(Vertx vertx) {
        String body = new JsonObject().put("from", VALID).put("text", "a".repeat(4096)).encode();
        assertEquals(202, new SimPhone(vertx, app.httpPort()).post(body, TestApp.TOKEN).statusCode());
    }

    @Test
    void aBodyOver64KiBIsRefusedWith413(Vertx vertx) {
        String body = new JsonObject().put("from", FROM).put("text", "hi").put("pad", "x".repeat(70_000)).encode();
        assertRefused(new SimPhone(vertx, app.httpPort()).post(body, TestApp.TOKEN), 413);
    }

    @Test
    void aMissingOrWrongTokenIsRefusedWith401(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        String body = new JsonObject().put("from", FROM).put("text", "hi").encode();
        assertRefused(phone.post(body, null), 401);
        assertRefused(phone.post(body, "wrong-token"), 401);
        assertRefused(phone.post(body, TestApp.TOKEN + "x"), 401);
        assertEquals(401, phone.get(SimPhone.PATH + "?address=%2B255700000501", null).statusCode());
    }

    @Test
    void listingNeedsAValidAddress(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        assertError(phone.get(SimPhone.PATH, TestApp.TOKEN), 400);
        assertError(phone.get(SimPhone.PATH + "?address=nobody", TestApp.TOKEN), 400);
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        assertError(phone.get("/api/v1/nothing-here", TestApp.TOKEN), 404);
        assertError(phone.get("/nothing-here", null), 404);
    }

    private static void assertRefused(HttpResponse<Buffer> response, int status) {
        assertError(response, status);
        assertEquals(0, queuedExceptTheValidOne(), "nothing may be queued for a refused request");
    }

    /** Inbound entries of anyone but the one citizen whose message is meant to be accepted. */
    private static long queuedExceptTheValidOne() {
        long count = 0;
        for (int p = 0; p < TestApp.PARTITIONS; p++) {
            count += redis.commands().xrange("mw:in:" + p, Range.create("-", "+")).stream()
                    .filter(m -> !VALID.equals(m.getBody().get("address"))).count();
        }
        return count;
    }

    private static void assertError(HttpResponse<Buffer> response, int status) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        assertEquals("application/json", response.getHeader("Content-Type"));
        JsonObject error = response.bodyAsJsonObject();
        assertFalse(error.getString("error", "").isBlank(), error.encode());
        assertFalse(error.getString("message", "").isBlank(), error.encode());
    }
}
