package org.mwalimu.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code java -jar target/mwalimu.jar benchmark-webhooks [webhooks] [in-flight]}: signed Twilio and
 * WhatsApp webhooks at full speed over loopback against a fresh server (workers off, so only the
 * webhook path is measured): webhooks/s, p50/p99 of the answer, and a check that every webhook —
 * including deliberate provider retries of the same id — was queued exactly once.
 */
final class WebhookBenchmark {

    private static final String PUBLIC = "https://bench.mwalimu.test";
    private static final String TWILIO_TOKEN = "bench-twilio-token";
    private static final String WA_SECRET = "bench-whatsapp-secret";
    private static final int RETRY_EVERY = 10;

    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final AtomicInteger failures = new AtomicInteger();

    private WebhookBenchmark(int port, int inFlight) {
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(inFlight));
    }

    static int run(Config base, String[] args) throws Exception {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Map<String, String> env = new HashMap<>();
        env.put("MW_HTTP_PORT", "0");
        env.put("MW_DATA_DIR", Files.createTempDirectory("mwalimu-webhook-benchmark").toString());
        base.redisUrl().ifPresent(url -> env.put("MW_REDIS_URL", url));
        env.put("MW_CONTENT_DIR", base.contentDir().toString());
        env.put("MW_ADMIN_TOKEN", "benchmark-token");
        env.put("MW_WORKERS", "0");
        env.put("MW_SENDERS", "0");
        env.put("MW_PUBLIC_BASE_URL", PUBLIC);
        env.put("MW_TWILIO_ACCOUNT_SID", "AC0bench");
        env.put("MW_TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        env.put("MW_WHATSAPP_APP_SECRET", WA_SECRET);
        Mwalimu app = Mwalimu.start(Config.fromEnvironment(env)).toCompletionStage().toCompletableFuture().join();
        WebhookBenchmark bench = new WebhookBenchmark(app.httpPort(), inFlight);
        try {
            int warmup = Math.max(20_000, count / 5);
            bench.round("warm-up", "w", warmup, inFlight);
            bench.round("webhooks", "m", count, inFlight);
            long queued = app.queuedMessages().toCompletionStage().toCompletableFuture().join();
            boolean exact = queued == warmup + count;
            System.out.printf("queued %d messages for %d distinct webhooks (plus %d repeated ids): %s%n", queued,
                    warmup + count, (warmup + count) / RETRY_EVERY, exact ? "each exactly once" : "MISMATCH");
            return exact && bench.failures.get() == 0 ? 0 : 1;
        } finally {
            bench.vertx.close().toCompletionStage().toCompletableFuture().join();
            app.stop().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** A prepared webhook: where it goes, its signature header and its body. */
    private record Signed(String path, String contentType, String header, String signature, Buffer body) {
    }

    /** {@code count} distinct webhooks, half Twilio, half WhatsApp; every tenth is also sent again. */
    private void round(String label, String prefix, int count, int inFlight) {
        // Signed in advance so the measured time is the server's, not the client's signing.
        Signed[] webhooks = new Signed[count];
        for (int n = 0; n < count; n++) {
            webhooks[n] = sign(prefix, n);
        }
        AtomicLongArray latencies = new AtomicLongArray(count + count / RETRY_EVERY);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        Promise<Void> done = Promise.promise();
        AtomicInteger lanes = new AtomicInteger(inFlight);
        long start = System.nanoTime();
        for (int lane = 0; lane < inFlight; lane++) {
            vertx.runOnContext(v -> lane(webhooks, next, latencies, recorded, () -> {
                if (lanes.decrementAndGet() == 0) {
                    done.complete();
                }
            }));
        }
        done.future().toCompletionStage().toCompletableFuture().join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = new long[recorded.get()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = latencies.get(i);
        }
        Arrays.sort(sorted);
        System.out.printf("%-9s %6d requests in %5.2f s: %6.0f webhooks/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, failures %d%n",
                label, sorted.length, seconds, sorted.length / seconds, ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, failures.get());
    }

    private void lane(Signed[] webhooks, AtomicInteger next, AtomicLongArray latencies, AtomicInteger recorded,
                      Runnable finished) {
        int n = next.getAndIncrement();
        if (n >= webhooks.length) {
            finished.run();
            return;
        }
        Future<Void> sent = post(webhooks[n], latencies, recorded);
        if (n % RETRY_EVERY == 0) {
            sent = sent.compose(v -> post(webhooks[n], latencies, recorded)); // the provider retries: same id
        }
        sent.onComplete(r -> lane(webhooks, next, latencies, recorded, finished));
    }

    private Signed sign(String prefix, int n) {
        String from = "+2557" + (prefix.charAt(0) % 10) + String.format("%07d", n % 5_000);
        if (n % 2 == 0) {
            Map<String, String> params = new TreeMap<>(Map.of("From", from, "To", "+15005550006", "Body", "hello " + n,
                    "MessageSid", "SM" + prefix + n, "AccountSid", "AC0bench", "NumMedia", "0"));
            String signed = PUBLIC + "/webhooks/twilio" + params.entrySet().stream()
                    .map(e -> e.getKey() + e.getValue()).collect(Collectors.joining());
            String body = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return new Signed("/webhooks/twilio", "application/x-www-form-urlencoded", "X-Twilio-Signature",
                    Base64.getEncoder().encodeToString(hmac("HmacSHA1", TWILIO_TOKEN, signed)), Buffer.buffer(body));
        }
        String body = whatsapp(from, "wamid." + prefix + n, "hello " + n);
        return new Signed("/webhooks/whatsapp", "application/json", "X-Hub-Signature-256",
                "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", WA_SECRET, body)), Buffer.buffer(body));
    }

    private Future<Void> post(Signed webhook, AtomicLongArray latencies, AtomicInteger recorded) {
        HttpRequest<Buffer> request = client.post(webhook.path()).putHeader("Content-Type", webhook.contentType())
                .putHeader(webhook.header(), webhook.signature());
        long started = System.nanoTime();
        return request.sendBuffer(webhook.body()).map(response -> {
            int slot = recorded.getAndIncrement();
            if (slot < latencies.length()) {
                latencies.set(slot, System.nanoTime() - started);
            }
            if (response.statusCode() != 200) {
                failures.incrementAndGet();
            }
            return null;
        });
    }

    private static String whatsapp(String from, String wamid, String text) {
        JsonObject message = new JsonObject().put("from", from.substring(1)).put("id", wamid).put("timestamp", "1700000000")
                .put("type", "text").put("text", new JsonObject().put("body", text));
        JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
                .put("metadata", new JsonObject().put("display_phone_number", "15550001111").put("phone_number_id", "1055"))
                .put("messages", new JsonArray().add(message));
        return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                .add(new JsonObject().put("id", "WABA").put("changes", new JsonArray()
                        .add(new JsonObject().put("field", "messages").put("value", value))))).encode();
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double ms(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
