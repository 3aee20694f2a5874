package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.MessageKey;

/** The intent classifier through the API and through a citizen's questions, on a real server. */
@ExtendWith(VertxExtension.class)
class NluIT {

    private static RunningServer server;
    private static Mwalimu app;
    private static Catalog catalog;

    @BeforeAll
    static void start() {
        server = RunningServer.start(Map.of("MW_HELPLINE", "0800 000 000", "MW_PORTAL_URL", "portal.example.gov"));
        app = server.app();
        catalog = server.content();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTrainingSentenceIsReadAsItsIntent(Vertx vertx) throws Exception {
        String text = Files.readAllLines(Path.of("nlp-models/training/en/account.password_reset.txt"), StandardCharsets.UTF_8).get(0);
        JsonObject parse = parse(vertx, new JsonObject().put("text", text).put("language", "en"), 200);
        assertEquals("account.password_reset", parse.getString("intent"), parse.encode());
        assertEquals("en", parse.getString("language"));
        double confidence = parse.getDouble("confidence");
        assertTrue(confidence > 0 && confidence <= 1, parse.encode());
        JsonArray candidates = parse.getJsonArray("candidates");
        assertFalse(candidates.isEmpty());
        assertEquals("account.password_reset", candidates.getJsonObject(0).getString("intent"));
    }

    @Test
    void theLanguageIsOptionalAndDetected(Vertx vertx) {
        JsonObject parse = parse(vertx, new JsonObject().put("text",
                "bonjour je voudrais savoir comment faire ma carte d'identite nationale svp"), 200);
        assertEquals("fr", parse.getString("language"), parse.encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "😀😀😀", "\u0000\u0001\u0002\u00ff\ufffd", "你好，我想申请护照", "مرحبا كيف حالك", "?!?!"})
    void oddTextFallsBackInsteadOfFailing(String text, Vertx vertx) {
        JsonObject parse = parse(vertx, new JsonObject().put("text", text), 200);
        assertEquals("fallback", parse.getString("intent"), parse.encode());
    }

    @Test
    void fourThousandCharactersAreReadWithoutError(Vertx vertx) {
        JsonObject parse = parse(vertx, new JsonObject().put("text", "password ".repeat(444)), 200);
        assertTrue(parse.containsKey("intent"));
    }

    @Test
    void badRequestsAre400(Vertx vertx) {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        assertEquals(400, post(phone, "{}").statusCode());
        assertEquals(400, post(phone, "{\"text\": 5}").statusCode());
        assertEquals(400, post(phone, "{\"text\": \"hi\", \"language\": \"xx\"}").statusCode());
        assertEquals(400, post(phone, new JsonObject().put("text", "a".repeat(4097)).encode()).statusCode());
        assertEquals(400, post(phone, "not json").statusCode());
        assertEquals(401, phone.get("/api/v1/admin/questions/unanswered", null).statusCode());
    }

    @Test
    void aQuestionTheBotCannotAnswerIsKeptForEditorsWithoutThePhoneNumber(Vertx vertx) throws Exception {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        String me = "+255700004001";
        phone.exchange(me, "hi", 0);
        phone.exchange(me, "1", 1);
        // an out-of-scope example the model was trained on, so the test does not hang on its accuracy
        String question = Files.readAllLines(Path.of("nlp-models/training/en/fallback.txt"), StandardCharsets.UTF_8).get(0);
        String reply = phone.exchange(me, question, 2);
        assertTrue(reply.contains(catalog.message("en", MessageKey.NOT_UNDERSTOOD)), reply);
        assertTrue(reply.contains("0800 000 000"), "the helpline from the settings: " + reply);

        HttpResponse<Buffer> list = phone.get("/api/v1/admin/questions/unanswered?limit=10", TestApp.TOKEN);
        assertEquals(200, list.statusCode());
        JsonObject body = list.bodyAsJsonObject();
        assertTrue(body.getLong("total") >= 1);
        JsonObject kept = body.getJsonArray("questions").getJsonObject(0);
        assertEquals(question, kept.getString("text"));
        assertEquals("en", kept.getString("language"));
        assertFalse(list.bodyAsString().contains("255700004001"), "no phone number is kept");
        assertEquals(400, phone.get("/api/v1/admin/questions/unanswered?limit=0", TestApp.TOKEN).statusCode());
    }

    @Test
    void aKnownQuestionGetsItsAnswerWithTheCountryDetails(Vertx vertx) throws Exception {
        SimPhone phone = new SimPhone(vertx, app.httpPort());
        String me = "+255700004002";
        phone.exchange(me, "hi", 0);
        phone.exchange(me, "1", 1);
        String text = Files.readAllLines(Path.of("nlp-models/training/en/account.password_reset.txt"), StandardCharsets.UTF_8).get(0);
        String reply = phone.exchange(me, text, 2);
        assertFalse(reply.contains("{"), reply);
        String expectedStart = catalog.answer("account.password_reset").orElseThrow().text().in("en")
                .replace("{portal_url}", "portal.example.gov").replace("{helpline}", "0800 000 000");
        assertTrue(reply.startsWith(expectedStart.substring(0, Math.min(40, expectedStart.length()))), reply);
    }

    private static JsonObject parse(Vertx vertx, JsonObject body, int status) {
        HttpResponse<Buffer> response = post(new SimPhone(vertx, app.httpPort()), body.encode());
        assertEquals(status, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private static HttpResponse<Buffer> post(SimPhone phone, String body) {
        return phone.postTo("/api/v1/nlu/parse", body, TestApp.TOKEN);
    }
}
