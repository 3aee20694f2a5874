package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.Lesson;

/** A USSD session from the first screen to the quiz answer, sharing progress with SMS. */
@ExtendWith(VertxExtension.class)
class UssdIT {

    private static RunningServer server;
    private static Mwalimu app;
    private static Catalog catalog;

    @BeforeAll
    static void start() {
        server = RunningServer.start();
        app = server.app();
        catalog = server.content();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSessionFromTheFirstScreenToTheQuizAnswerThenSmsGoesOn(Vertx vertx) {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(app.httpPort()).setDefaultHost("127.0.0.1"));
        String phone = "+255700003001";
        Lesson lesson = catalog.courses().get(0).lessons().get(0);
        StringBuilder path = new StringBuilder();

        String screen = press(client, "s1", phone, path, "");
        assertTrue(screen.startsWith("CON ") && screen.contains("1 English"), screen);
        screen = press(client, "s1", phone, path, "1");
        assertTrue(screen.contains(catalog.courses().get(0).title().in("en")), screen);
        screen = press(client, "s1", phone, path, "1");
        assertTrue(screen.contains(lesson.steps().get(0).in("en")), screen);
        for (int step = 1; step < lesson.steps().size(); step++) {
            screen = press(client, "s1", phone, path, "1");
            assertTrue(screen.contains(lesson.steps().get(step).in("en")), screen);
        }
        screen = press(client, "s1", phone, path, "1");
        assertTrue(screen.contains(lesson.quiz().question().in("en")), screen);
        assertTrue(screen.contains("1) " + lesson.quiz().options().get(0).in("en")), screen);
        String again = post(client, "s1", phone, path.toString());
        assertEquals(screen, again, "a gateway's retry of the same request gets the same screen");

        screen = press(client, "s1", phone, path, String.valueOf(lesson.quiz().answer()));
        assertTrue(screen.contains(lesson.quiz().explanation().in("en")), screen);

        // The same citizen on SMS (simulator) continues with lesson 2.
        SimPhone sms = new SimPhone(vertx, app.httpPort());
        sms.send(phone, "NEXT");
        String next = sms.reply(phone, 1);
        assertTrue(next.contains(catalog.courses().get(0).lessons().get(1).steps().get(0).in("en")), next);

        StringBuilder second = new StringBuilder();
        screen = press(client, "s2", phone, second, "");
        assertTrue(screen.startsWith("CON "), screen);
        screen = press(client, "s2", phone, second, "STOP");
        assertTrue(screen.startsWith("END "), screen);
    }

    @Test
    void aRequestWithoutSessionOrPhoneIs400(Vertx vertx) {
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultPort(app.httpPort()).setDefaultHost("127.0.0.1"));
        HttpResponse<Buffer> r = client.post("/webhooks/africastalking/ussd")
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer("serviceCode=*384%23&text=")).toCompletionStage().toCompletableFuture().join();
        assertEquals(400, r.statusCode());
        assertEquals("missing_field", r.bodyAsJsonObject().getString("error"));
    }

    /** Presses {@code key} in the session; checks the screen fits and returns it. */
    private static String press(WebClient client, String session, String phone, StringBuilder path, String key) {
        if (!key.isEmpty()) {
            path.append(path.length() == 0 ? "" : "*").append(key);
        }
        String screen = post(client, session, phone, path.toString());
        assertTrue(screen.substring(4).length() <= 182, screen.length() + " characters: " + screen); // after "CON "
        return screen;
    }

    private static String post(WebClient client, String session, String phone, String text) {
        String form = "sessionId=" + session + "&serviceCode=" + enc("*384*1#") + "&phoneNumber=" + enc(phone)
                + "&networkCode=63902&text=" + enc(text);
        HttpResponse<Buffer> r = client.post("/webhooks/africastalking/ussd")
                .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer(form))
                .toCompletionStage().toCompletableFuture().join();
        assertEquals(200, r.statusCode(), r.bodyAsString());
        assertTrue(r.getHeader("Content-Type").startsWith("text/plain"));
        return r.bodyAsString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
