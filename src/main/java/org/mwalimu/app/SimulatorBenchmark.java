package org.mwalimu.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code java -jar target/mwalimu.jar benchmark [messages] [rate]}: starts a server on a fresh data
 * directory and posts simulator messages from many citizens over loopback: first as fast as the
 * server takes them (throughput), then at a steady rate (latency from POST to reply stored).
 */
final class SimulatorBenchmark {

    private static final String[] SCRIPT = {"hi", "1", "1", "NEXT", "NEXT", "NEXT", "b", "a", "MENU", "2", "NEXT",
            "HELP", "what is a password?", "MENU", "LANG", "2", "MENU", "1", "NEXT", "NEXT"};

    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final String token = "benchmark-token";
    private final Map<String, Long> postedAt = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    private SimulatorBenchmark(int port, int inFlight) {
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(inFlight));
    }

    static int run(Config base, String[] args) throws Exception {
        int messages = argument(args, 1, 40_000);
        int rate = argument(args, 2, 2_000);
        int citizens = 2_000;
        int inFlight = 128;
        Path data = Files.createTempDirectory("mwalimu-benchmark");
        Config config = new Config(0, data, base.redisUrl(), 0, Optional.of("benchmark-token"), base.publicBaseUrl(),
                base.contentDir(), base.languages(), base.workers(), base.senders(), base.partitions(), Optional.of("salt"),
                base.providers(), base.delivery(), base.nlpDir(), base.country());
        Mwalimu app = Mwalimu.start(config).toCompletionStage().toCompletableFuture().join();
        SimulatorBenchmark bench = new SimulatorBenchmark(app.httpPort(), inFlight);
        try {
            bench.saturate("warm-up", "w", Math.max(10_000, messages / 4), citizens / 4, inFlight);
            bench.saturate("throughput", "t", messages, citizens, inFlight);
            bench.steady("latency at " + rate + "/s", "l", rate, Math.max(rate, messages / 4), citizens);
            return bench.failures.get() == 0 ? 0 : 1;
        } finally {
            bench.vertx.close().toCompletionStage().toCompletableFuture().join();
            app.stop().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** As fast as the server takes them: {@code inFlight} citizens at a time each post their script. */
    private void saturate(String label, String prefix, int messages, int citizens, int inFlight) {
        postedAt.clear();
        long start = System.currentTimeMillis();
        int perCitizen = Math.max(1, messages / citizens);
        AtomicInteger next = new AtomicInteger();
        Promise<Void> allPosted = Promise.promise();
        int lanes = Math.min(inFlight, citizens);
        AtomicInteger running = new AtomicInteger(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            vertx.runOnContext(v -> citizenLoop(prefix, next, citizens, perCitizen, () -> {
                if (running.decrementAndGet() == 0) {
                    allPosted.complete();
                }
            }));
        }
        allPosted.future().toCompletionStage().toCompletableFuture().join();
        report(label, prefix, start, citizens, perCitizen);
    }

    /** A steady offered load of {@code rate} messages/s spread over {@code citizens}, to measure latency. */
    private void steady(String label, String prefix, int rate, int messages, int citizens) {
        postedAt.clear();
        long start = System.currentTimeMillis();
        int perTick = Math.max(1, rate / 100);
        AtomicInteger sent = new AtomicInteger();
        Promise<Void> allPosted = Promise.promise();
        vertx.setPeriodic(10, timer -> {
            long due = Math.min(messages, (System.currentTimeMillis() - start) * rate / 1000 + perTick);
            while (sent.get() < due) {
                int n = sent.getAndIncrement();
                post(prefix, n % citizens, n / citizens);
            }
            if (sent.get() >= messages) {
                vertx.cancelTimer(timer);
                allPosted.complete();
            }
        });
        allPosted.future().toCompletionStage().toCompletableFuture().join();
        report(label, prefix, start, citizens, messages / citizens);
    }

    private void report(String label, String prefix, long start, int citizens, int perCitizen) {
        long posted = System.currentTimeMillis();
        List<Long> latencies = new ArrayList<>();
        long lastReply = collect(prefix, citizens, perCitizen, latencies);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int total = citizens * perCitizen;
        double seconds = Math.max(1, lastReply - start) / 1000.0;
        System.out.printf("%-20s %6d messages, posted in %5.2f s, all replied in %5.2f s: %6.0f messages/s, "
                        + "POST to reply stored p50 %d ms, p99 %d ms, max %d ms, failures %d%n",
                label, total, (posted - start) / 1000.0, seconds, total / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                failures.get());
    }

    /** One lane: takes the next citizen and posts its whole script, one POST after another. */
    private void citizenLoop(String prefix, AtomicInteger next, int citizens, int perCitizen, Runnable done) {
        int citizen = next.getAndIncrement();
        if (citizen >= citizens) {
            done.run();
            return;
        }
        postScript(prefix, citizen, 0, perCitizen)
                .onComplete(r -> citizenLoop(prefix, next, citizens, perCitizen, done));
    }

    private Future<Void> postScript(String prefix, int citizen, int index, int perCitizen) {
        if (index >= perCitizen) {
            return Future.succeededFuture();
        }
        return post(prefix, citizen, index).compose(v -> postScript(prefix, citizen, index + 1, perCitizen));
    }

    private Future<Void> post(String prefix, int citizen, int index) {
        String id = prefix + "-" + citizen + "-" + index;
        postedAt.put(id, System.currentTimeMillis());
        JsonObject body = new JsonObject().put("from", address(prefix, citizen)).put("id", id)
                .put("text", SCRIPT[index % SCRIPT.length]);
        return client.post("/api/v1/simulator/messages").bearerTokenAuthentication(token).sendJsonObject(body)
                .map(r -> {
                    if (r.statusCode() != 202) {
                        failures.incrementAndGet();
                    }
                    return null;
                });
    }

    /** Waits until every citizen has one reply per message; returns when the last one was stored. */
    private long collect(String prefix, int citizens, int perCitizen, List<Long> latencies) {
        long deadline = System.currentTimeMillis() + 120_000;
        long lastReply = 0;
        for (int c = 0; c < citizens; c++) {
            JsonArray replies = new JsonArray();
            while (System.currentTimeMillis() < deadline) {
                HttpResponse<?> r = client.get("/api/v1/simulator/messages")
                        .addQueryParam("address", address(prefix, c)).bearerTokenAuthentication(token).send()
                        .toCompletionStage().toCompletableFuture().join();
                replies = r.bodyAsJsonArray();
                if (replies.size() >= perCitizen) {
                    break;
                }
                sleep();
            }
            if (replies.size() < perCitizen) {
                failures.incrementAndGet();
            }
            for (int i = 0; i < replies.size(); i++) {
                JsonObject reply = replies.getJsonObject(i);
                Long posted = postedAt.get(reply.getString("replyTo"));
                if (posted != null) {
                    latencies.add(reply.getLong("at") - posted);
                    lastReply = Math.max(lastReply, reply.getLong("at"));
                }
            }
        }
        return lastReply;
    }

    private static String address(String prefix, int citizen) {
        return "+2557" + (prefix.charAt(0) % 10) + String.format("%07d", citizen);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static int argument(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
