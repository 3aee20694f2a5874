package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A citizen's phone on the simulator channel, over real HTTP, used from the test thread. */
final class SimPhone {

    static final String PATH = "/api/v1/simulator/messages";

    private final WebClient client;

    SimPhone(Vertx vertx, int port) {
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    }

    HttpResponse<Buffer> post(String body, String token) {
        return postTo(PATH, body, token);
    }

    HttpResponse<Buffer> postTo(String path, String body, String token) {
        HttpRequest<Buffer> request = client.post(path).putHeader("Content-Type", "application/json");
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return join(request.sendBuffer(Buffer.buffer(body)));
    }

    HttpResponse<Buffer> get(String path, String token) {
        HttpRequest<Buffer> request = client.get(path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return join(request.send());
    }

    /** Sends a message and checks it was accepted (202). */
    void send(String from, String text) {
        send(new JsonObject().put("from", from).put("text", text));
    }

    void send(String from, String text, String id) {
        send(new JsonObject().put("from", from).put("text", text).put("id", id));
    }

    private void send(JsonObject body) {
        HttpResponse<Buffer> response = post(body.encode(), TestApp.TOKEN);
        assertEquals(202, response.statusCode(), response.bodyAsString());
    }

    List<JsonObject> messages(String address) {
        HttpResponse<Buffer> response = client.get(PATH).addQueryParam("address", address)
                .bearerTokenAuthentication(TestApp.TOKEN).send().toCompletionStage().toCompletableFuture().join();
        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonArray array = response.bodyAsJsonArray();
        List<JsonObject> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(array.getJsonObject(i));
        }
        return list;
    }

    /** Waits until {@code address} has received {@code count} messages in all and returns them. */
    List<JsonObject> awaitMessages(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonObject> list = messages(address);
        while (list.size() < count && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(25));
            list = messages(address);
        }
        if (list.size() < count) {
            fail("expected " + count + " messages for " + address + " but got " + list.size() + ": " + list);
        }
        return list;
    }

    /** The text of the {@code n}-th message (1-based) once it has arrived. */
    String reply(String address, int n) {
        return awaitMessages(address, n).get(n - 1).getString("text");
    }

    /** Sends {@code text} and returns the reply it got, given the citizen had {@code before} messages. */
    String exchange(String from, String text, int before) {
        send(from, text);
        return reply(from, before + 1);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
