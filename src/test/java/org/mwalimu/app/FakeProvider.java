package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** A provider's API as a real HTTP server on 127.0.0.1 that records what it is sent and answers as told. */
final class FakeProvider {

    /** One request as received. */
    record Received(String method, String path, Map<String, String> headers, String body, long at) {

        Map<String, String> form() {
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            return form;
        }

        JsonObject json() {
            return new JsonObject(body);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile BiFunction<Received, Integer, Answer> answers;
    private HttpServer server;

    /** {@code answers} gets each request and a running number, for unique provider ids. */
    static FakeProvider start(Vertx vertx, BiFunction<Received, Integer, Answer> answers) {
        FakeProvider fake = new FakeProvider();
        fake.answers = answers;
        fake.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            Received r = new Received(request.method().name(), request.uri(), headers, body.toString(),
                    System.currentTimeMillis());
            fake.received.add(r);
            Answer a = fake.answers.apply(r, fake.counter.incrementAndGet());
            var response = request.response().setStatusCode(a.status());
            a.headers().forEach(response::putHeader);
            response.end(a.body());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return fake;
    }

    void answer(BiFunction<Received, Integer, Answer> answers) {
        this.answers = answers;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until {@code count} requests match and returns them, oldest first. */
    List<Received> await(Predicate<Received> which, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Received> found = received(which);
        while (found.size() < count && System.nanoTime() < deadline) {
            SimPhone.pause(Duration.ofMillis(20));
            found = received(which);
        }
        if (found.size() < count) {
            fail("expected " + count + " requests but got " + found.size() + ": " + new ArrayList<>(found));
        }
        return found;
    }

    void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
