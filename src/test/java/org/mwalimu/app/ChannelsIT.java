package org.mwalimu.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.Range;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.ContentLoader;
import org.mwalimu.content.Course;
import org.mwalimu.content.Lesson;
import org.mwalimu.content.MessageKey;

/**
 * Every real channel end to end: signed webhooks in, provider APIs out — each provider a fake
 * HTTP server on 127.0.0.1 that records what the senders post and answers as the real one does.
 */
class ChannelsIT {

    private static final String PUBLIC = "https://mwalimu.example.org";
    private static final String TWILIO_TOKEN = "twilio-auth-token";
    private static final String WA_SECRET = "whatsapp-app-secret";
    private static final String TG_SECRET = "telegram-secret";

    private static Vertx vertx;
    private static WebClient http;
    private static TestRedis redis;
    private static Mwalimu app;
    private static Catalog catalog;
    private static FakeProvider twilio;
    private static FakeProvider whatsapp;
    private static FakeProvider africasTalking;
    private static FakeProvider telegram;
    private static final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        catalog = new ContentLoader(List.of("en", "fr", "pt", "sw")).load(Path.of("content"));
        vertx = Vertx.vertx();
        twilio = FakeProvider.start(vertx, (r, n) -> FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\", \"status\": \"queued\"}"));
        whatsapp = FakeProvider.start(vertx, (r, n) -> FakeProvider.Answer.of(200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[],\"messages\":[{\"id\":\"wamid.to"
                        + r.json().getString("to") + "." + n + "\"}]}"));
        africasTalking = FakeProvider.start(vertx, (r, n) -> FakeProvider.Answer.of(201, atAccepted(r.form().get("to"), n)));
        telegram = FakeProvider.start(vertx, (r, n) -> FakeProvider.Answer.of(200,
                "{\"ok\":true,\"result\":{\"message_id\":" + n + "}}"));
        redis = TestRedis.start();
        Map<String, String> env = Map.ofEntries(
                Map.entry("MW_PUBLIC_BASE_URL", PUBLIC),
                Map.entry("MW_TWILIO_ACCOUNT_SID", "AC0123456789"), Map.entry("MW_TWILIO_AUTH_TOKEN", TWILIO_TOKEN),
                Map.entry("MW_TWILIO_FROM", "+15005550006"), Map.entry("MW_TWILIO_API_BASE", twilio.baseUrl()),
                Map.entry("MW_WHATSAPP_APP_SECRET", WA_SECRET), Map.entry("MW_WHATSAPP_VERIFY_TOKEN", "verify-me"),
                Map.entry("MW_WHATSAPP_ACCESS_TOKEN", "wa-access"), Map.entry("MW_WHATSAPP_PHONE_NUMBER_ID", "1055"),
                Map.entry("MW_WHATSAPP_API_BASE", whatsapp.baseUrl()),
                Map.entry("MW_AT_USERNAME", "sandbox"), Map.entry("MW_AT_API_KEY", "at-key"),
                Map.entry("MW_AT_API_BASE", africasTalking.baseUrl()), Map.entry("MW_AT_RATE", "20"),
                Map.entry("MW_TELEGRAM_BOT_TOKEN", "123:abc"), Map.entry("MW_TELEGRAM_SECRET_TOKEN", TG_SECRET),
                Map.entry("MW_TELEGRAM_API_BASE", telegram.baseUrl()),
                Map.entry("MW_RETRY_BASE_MS", "100"), Map.entry("MW_SEND_ATTEMPTS", "4"));
        app = TestApp.start(TestApp.config(java.util.Optional.of(redis.url()), TestRedis.tempDir(), 0, 2, env));
        http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.httpPort()));
    }

    @AfterAll
    static void stop() {
        TestApp.stop(app);
        List.of(twilio, whatsapp, africasTalking, telegram).forEach(FakeProvider::close);
        vertx.close().toCompletionStage().toCompletableFuture().join();
        redis.close();
    }

    // ---- a citizen on each channel completes a lesson and its quiz ------------------------------

    @Test
    void aCitizenOnTwilioSmsCompletesALesson() {
        String me = "+255700001001";
        walkFirstLesson(text -> assertEquals(200, twilioMessage(me, text, "SM-in-" + ids.incrementAndGet()).statusCode()),
                n -> twilio.await(to(me), n), r -> r.form().get("Body"), false);
        Map<String, String> form = twilio.received(to(me)).get(0).form();
        assertEquals("+15005550006", form.get("From"));
        assertEquals(PUBLIC + "/webhooks/twilio/status", form.get("StatusCallback"));
    }

    @Test
    void aCitizenOnWhatsAppCompletesALessonTappingAButton() {
        String me = "+255700001002";
        walkFirstLesson(text -> assertEquals(200, whatsappMessage(me, textMessage(me, text)).statusCode()),
                n -> whatsapp.await(waTo(me), n), r -> waText(r.json()), true);
        // Options that fit WhatsApp's button or list titles come as buttons or a list, else as numbered text.
        boolean fit = catalog.courses().get(0).lessons().get(0).quiz().options().stream()
                .allMatch(o -> o.in("en").length() <= 24);
        boolean interactive = whatsapp.received(waTo(me)).stream().map(FakeProvider.Received::json)
                .anyMatch(j -> j.getString("type").equals("interactive"));
        assertEquals(fit, interactive);
        assertEquals("Bearer wa-access", whatsapp.received(waTo(me)).get(0).headers().get("authorization"));
    }

    @Test
    void aCitizenOnAfricasTalkingSmsCompletesALesson() {
        String me = "+254711001003";
        walkFirstLesson(text -> assertEquals(200, atMessage(me, text).statusCode()),
                n -> africasTalking.await(atTo(me), n), r -> r.form().get("message"), false);
        assertEquals("at-key", africasTalking.received(atTo(me)).get(0).headers().get("apikey"));
    }

    @Test
    void aCitizenOnTelegramCompletesALessonTappingAButton() {
        long chat = 9_000_000 + ids.incrementAndGet();
        walkFirstLesson(text -> assertEquals(200, telegramUpdate(text.length() == 1
                                ? callback(chat, text) : message(chat, text)).statusCode()),
                n -> telegram.await(tgTo(chat), n), r -> r.json().getString("text"), true);
        JsonObject quiz = telegram.received(tgTo(chat)).stream().map(FakeProvider.Received::json)
                .filter(j -> j.containsKey("reply_markup")).findFirst().orElseThrow();
        assertTrue(quiz.getJsonObject("reply_markup").getJsonArray("inline_keyboard").size() >= 2, quiz.encode());
    }

    /** hi → English → course 1 → every step → quiz → the right answer (a button id where there are buttons). */
    private void walkFirstLesson(java.util.function.Consumer<String> send,
                                 java.util.function.IntFunction<List<FakeProvider.Received>> replies,
                                 java.util.function.Function<FakeProvider.Received, String> text, boolean buttons) {
        Course course = catalog.courses().get(0);
        Lesson lesson = course.lessons().get(0);
        int n = 0;
        send.accept("hi");
        assertTrue(text.apply(replies.apply(++n).get(n - 1)).contains("Kiswahili"));
        send.accept("1");
        assertTrue(text.apply(replies.apply(++n).get(n - 1)).contains(course.title().in("en")));
        send.accept("1");
        assertTrue(text.apply(replies.apply(++n).get(n - 1)).contains(lesson.steps().get(0).in("en")));
        for (int step = 1; step <= lesson.steps().size(); step++) {
            send.accept("NEXT");
            replies.apply(++n);
        }
        String quiz = text.apply(replies.apply(n).get(n - 1));
        assertTrue(quiz.contains(lesson.quiz().question().in("en")), quiz);
        String answer = String.valueOf((char) ('a' + lesson.quiz().answer() - 1));
        send.accept(buttons ? answer : answer.toUpperCase() + ")");
        String right = text.apply(replies.apply(++n).get(n - 1));
        assertTrue(right.contains(lesson.quiz().explanation().in("en")), right);
    }

    // ---- retries, rate limits, dead letters ----------------------------------------------------

    @Test
    void aProviderFailingTwiceThenAcceptingDeliversOnce() {
        String me = "+255700001010";
        twilio.answer((r, n) -> r.form().get("To").equals(me) && twilio.received(to(me)).size() <= 2
                ? FakeProvider.Answer.of(500, "{\"code\": 20500, \"message\": \"Internal error\"}")
                : FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\"}"));
        try {
            twilioMessage(me, "hi", "SM-retry-1");
            List<FakeProvider.Received> tries = twilio.await(to(me), 3);
            SimPhone.pause(Duration.ofMillis(800));
            assertEquals(3, twilio.received(to(me)).size(), "two failures, then one delivery, then nothing");
            assertEquals(tries.get(0).body(), tries.get(2).body(), "the same message each time");
            assertTrue(sentEvents().stream().anyMatch(e -> "3".equals(e.get("attempts")) && "twilio".equals(e.get("channel"))));
        } finally {
            twilio.answer((r, n) -> FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\"}"));
        }
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterRetryAfter() {
        String me = "+255700001011";
        twilio.answer((r, n) -> r.form().get("To").equals(me) && twilio.received(to(me)).size() == 1
                ? new FakeProvider.Answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"),
                        "{\"code\": 20429, \"message\": \"Too Many Requests\"}")
                : FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\"}"));
        try {
            twilioMessage(me, "hi", "SM-429-1");
            List<FakeProvider.Received> tries = twilio.await(to(me), 2);
            assertTrue(tries.get(1).at() - tries.get(0).at() >= 950, "waited for Retry-After: "
                    + (tries.get(1).at() - tries.get(0).at()) + " ms");
        } finally {
            twilio.answer((r, n) -> FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\"}"));
        }
    }

    @Test
    void anInvalidNumberIsADeadLetterAndCanBeSentAgain() {
        String me = "+255700001012";
        twilio.answer((r, n) -> r.form().get("To").equals(me)
                ? FakeProvider.Answer.of(400, "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}")
                : FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\"}"));
        twilioMessage(me, "hi", "SM-invalid-1");
        twilio.await(to(me), 1);
        JsonObject dead = awaitDeadLetter(me);
        SimPhone.pause(Duration.ofMillis(500));
        assertEquals(1, twilio.received(to(me)).size(), "a permanent error is not retried");
        assertEquals("1", dead.getString("attempts"));

        twilio.answer((r, n) -> FakeProvider.Answer.of(201, "{\"sid\": \"SM" + n + "\"}"));
        HttpResponse<Buffer> retried = join(http.post("/api/v1/admin/dead-letters/" + dead.getString("id") + "/retry")
                .bearerTokenAuthentication(TestApp.TOKEN).send());
        assertEquals(202, retried.statusCode(), retried.bodyAsString());
        twilio.await(to(me), 2);
        assertEquals(404, join(http.post("/api/v1/admin/dead-letters/" + dead.getString("id") + "/retry")
                .bearerTokenAuthentication(TestApp.TOKEN).send()).statusCode());
    }

    @Test
    void theRateLimitHoldsWithinTenPercent() {
        int citizens = 50;
        for (int i = 0; i < citizens; i++) {
            assertEquals(200, atMessage("+25471200" + String.format("%04d", i), "hi").statusCode());
        }
        List<FakeProvider.Received> sent = africasTalking.await(r -> r.form().get("to").startsWith("+25471200"), citizens);
        double seconds = (sent.get(sent.size() - 1).at() - sent.get(0).at()) / 1000.0;
        double rate = (citizens - 1) / seconds;
        assertTrue(rate <= 20 * 1.1, "at most 22 messages/s, measured " + rate);
        assertTrue(rate >= 20 * 0.6, "and not needlessly slow: " + rate);
    }

    // ---- webhook security and robustness -------------------------------------------------------

    @Test
    void theSameWebhookTwiceGetsOneReply() {
        String me = "+255700001020";
        twilioMessage(me, "hi", "SM-dup-1");
        twilioMessage(me, "hi", "SM-dup-1");
        String wamid = "wamid.dup-" + ids.incrementAndGet();
        whatsappMessage("+255700001021", textMessage("+255700001021", "hi", wamid));
        whatsappMessage("+255700001021", textMessage("+255700001021", "hi", wamid));
        twilio.await(to(me), 1);
        whatsapp.await(waTo("+255700001021"), 1);
        SimPhone.pause(Duration.ofMillis(800));
        assertEquals(1, twilio.received(to(me)).size());
        assertEquals(1, whatsapp.received(waTo("+255700001021")).size());
    }

    @Test
    void aWrongSignatureOrSecretIs403AndNothingIsQueued() {
        long before = redis.inboundLength(TestApp.PARTITIONS);
        String form = "From=%2B255700001030&Body=hi&MessageSid=SM-forged";
        assertEquals(403, join(http.post("/webhooks/twilio").putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl").sendBuffer(Buffer.buffer(form))).statusCode());
        assertEquals(403, join(http.post("/webhooks/twilio").putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(form))).statusCode());
        String body = textMessage("+255700001031", "hi").encode();
        assertEquals(403, join(http.post("/webhooks/whatsapp").putHeader("X-Hub-Signature-256", "sha256=00")
                .sendBuffer(Buffer.buffer(body))).statusCode());
        assertEquals(403, join(http.post("/webhooks/telegram").putHeader("X-Telegram-Bot-Api-Secret-Token", "nope")
                .sendJsonObject(message(42, "hi"))).statusCode());
        assertEquals(before, redis.inboundLength(TestApp.PARTITIONS));
    }

    @Test
    void aMalformedPayloadWithAGoodSignatureIs400() {
        long before = redis.inboundLength(TestApp.PARTITIONS);
        HttpResponse<Buffer> r = whatsappRaw("{\"object\": \"whatsapp_business_account\", \"entry\": 7");
        assertEquals(400, r.statusCode(), r.bodyAsString());
        assertEquals("malformed_payload", r.bodyAsJsonObject().getString("error"));
        assertEquals(400, join(http.post("/webhooks/telegram").putHeader("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("[not json"))).statusCode());
        assertEquals(before, redis.inboundLength(TestApp.PARTITIONS));
    }

    @Test
    void theWhatsAppHandshakeEchoesTheChallenge() {
        HttpResponse<Buffer> ok = join(http.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444").send());
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.bodyAsString());
        assertEquals(403, join(http.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").send()).statusCode());
    }

    @Test
    void aPictureGetsAPoliteReplyInTheCitizensLanguage() {
        String me = "+255700001040";
        JsonObject image = textMessage(me, "x");
        JsonObject msg = image.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
                .getJsonObject("value").getJsonArray("messages").getJsonObject(0);
        msg.remove("text");
        msg.put("type", "image").put("image", new JsonObject().put("id", "media-1").put("mime_type", "image/jpeg"));
        assertEquals(200, whatsappMessage(me, image).statusCode());
        String reply = waText(whatsapp.await(waTo(me), 1).get(0).json());
        assertEquals(catalog.message("en", MessageKey.UNREADABLE), reply);
    }

    @Test
    void receiptsMoveAMessageForwardAndAreCounted() {
        String me = "+255700001050";
        whatsappMessage(me, textMessage(me, "hi"));
        whatsapp.await(waTo(me), 1);
        String wamid = awaitSentRecord("whatsapp", "wamid.to" + me.substring(1) + ".");
        JsonObject status = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                .add(new JsonObject().put("id", "WABA").put("changes", new JsonArray().add(new JsonObject()
                        .put("field", "messages").put("value", new JsonObject().put("messaging_product", "whatsapp")
                                .put("statuses", new JsonArray()
                                        .add(new JsonObject().put("id", wamid).put("status", "delivered")
                                                .put("timestamp", "1700000001").put("recipient_id", me.substring(1)))
                                        .add(new JsonObject().put("id", wamid).put("status", "read")
                                                .put("timestamp", "1700000002").put("recipient_id", me.substring(1)))
                                        .add(new JsonObject().put("id", wamid).put("status", "delivered")
                                                .put("timestamp", "1700000003").put("recipient_id", me.substring(1)))))))));
        assertEquals(200, whatsappRaw(status.encode()).statusCode());
        assertEquals("read", redis.commands().hget("mw:msg:whatsapp:" + wamid, "status"));
        List<String> types = events().stream().filter(e -> e.get("type").startsWith("message.d") || e.get("type").equals("message.read"))
                .map(e -> e.get("type")).toList();
        assertTrue(types.contains("message.delivered") && types.contains("message.read"), types.toString());
        assertEquals(1, types.stream().filter("message.delivered"::equals).count(), "a late 'delivered' changes nothing");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Predicate<FakeProvider.Received> to(String address) {
        return r -> r.path().endsWith("/Messages.json") && address.equals(r.form().get("To"));
    }

    private static Predicate<FakeProvider.Received> waTo(String address) {
        return r -> address.substring(1).equals(r.json().getString("to"));
    }

    private static Predicate<FakeProvider.Received> atTo(String address) {
        return r -> address.equals(r.form().get("to"));
    }

    private static Predicate<FakeProvider.Received> tgTo(long chat) {
        return r -> String.valueOf(chat).equals(String.valueOf(r.json().getValue("chat_id")));
    }

    private static String waText(JsonObject json) {
        return json.getString("type").equals("text") ? json.getJsonObject("text").getString("body")
                : json.getJsonObject("interactive").getJsonObject("body").getString("text");
    }

    private static HttpResponse<Buffer> twilioMessage(String from, String body, String sid) {
        Map<String, String> params = new TreeMap<>(Map.of("From", from, "To", "+15005550006", "Body", body,
                "MessageSid", sid, "AccountSid", "AC0123456789", "NumMedia", "0"));
        // Twilio's scheme: HMAC-SHA1 of the URL followed by every parameter, sorted, as name then value.
        byte[] signature = hmac("HmacSHA1", TWILIO_TOKEN, PUBLIC + "/webhooks/twilio"
                + params.entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining()));
        String form = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return join(http.post("/webhooks/twilio").putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("X-Twilio-Signature", Base64.getEncoder().encodeToString(signature))
                .sendBuffer(Buffer.buffer(form)));
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject textMessage(String from, String text) {
        return textMessage(from, text, "wamid.in-" + ids.incrementAndGet());
    }

    private static JsonObject textMessage(String from, String text, String wamid) {
        boolean tap = text.length() == 1 && Character.isLetter(text.charAt(0));
        JsonObject message = new JsonObject().put("from", from.substring(1)).put("id", wamid)
                .put("timestamp", "1700000000");
        if (tap) {
            message.put("type", "interactive").put("interactive", new JsonObject().put("type", "button_reply")
                    .put("button_reply", new JsonObject().put("id", text).put("title", "option " + text)));
        } else {
            message.put("type", "text").put("text", new JsonObject().put("body", text));
        }
        JsonObject value = new JsonObject().put("messaging_product", "whatsapp")
                .put("metadata", new JsonObject().put("display_phone_number", "15550001111").put("phone_number_id", "1055"))
                .put("contacts", new JsonArray().add(new JsonObject().put("wa_id", from.substring(1))
                        .put("profile", new JsonObject().put("name", "Citizen"))))
                .put("messages", new JsonArray().add(message));
        return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                .add(new JsonObject().put("id", "WABA").put("changes", new JsonArray()
                        .add(new JsonObject().put("field", "messages").put("value", value)))));
    }

    private static HttpResponse<Buffer> whatsappMessage(String from, JsonObject payload) {
        return whatsappRaw(payload.encode());
    }

    private static HttpResponse<Buffer> whatsappRaw(String body) {
        return join(http.post("/webhooks/whatsapp").putHeader("Content-Type", "application/json")
                .putHeader("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", WA_SECRET, body)))
                .sendBuffer(Buffer.buffer(body)));
    }

    private static HttpResponse<Buffer> atMessage(String from, String text) {
        String form = "from=" + enc(from) + "&to=12345&text=" + enc(text) + "&date=2026-11-27+10%3A00%3A00&id=AT-"
                + ids.incrementAndGet() + "&linkId=L1";
        return join(http.post("/webhooks/africastalking/sms").putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(form)));
    }

    private static String atAccepted(String to, int n) {
        return "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: KES 0.8000\",\"Recipients\":[{\"statusCode\":101,"
                + "\"number\":\"" + to + "\",\"status\":\"Success\",\"cost\":\"KES 0.8000\",\"messageId\":\"ATXid_" + n + "\"}]}}";
    }

    private static JsonObject message(long chat, String text) {
        JsonObject user = new JsonObject().put("id", chat).put("is_bot", false).put("first_name", "Amina");
        return new JsonObject().put("update_id", ids.incrementAndGet()).put("message", new JsonObject()
                .put("message_id", ids.get()).put("from", user)
                .put("chat", new JsonObject().put("id", chat).put("type", "private")).put("date", 1700000000)
                .put("text", text));
    }

    private static JsonObject callback(long chat, String data) {
        JsonObject user = new JsonObject().put("id", chat).put("is_bot", false).put("first_name", "Amina");
        return new JsonObject().put("update_id", ids.incrementAndGet()).put("callback_query", new JsonObject()
                .put("id", "cb" + ids.get()).put("from", user).put("chat_instance", "1").put("data", data)
                .put("message", new JsonObject().put("message_id", 1).put("date", 1700000000)
                        .put("chat", new JsonObject().put("id", chat).put("type", "private"))));
    }

    private static HttpResponse<Buffer> telegramUpdate(JsonObject update) {
        return join(http.post("/webhooks/telegram").putHeader("X-Telegram-Bot-Api-Secret-Token", TG_SECRET)
                .sendJsonObject(update));
    }

    private static JsonObject awaitDeadLetter(String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray list = join(http.get("/api/v1/admin/dead-letters").bearerTokenAuthentication(TestApp.TOKEN).send())
                    .bodyAsJsonArray();
            for (int i = 0; i < list.size(); i++) {
                if (address.equals(list.getJsonObject(i).getString("address"))) {
                    return list.getJsonObject(i);
                }
            }
            SimPhone.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("no dead letter for " + address);
    }

    /** The provider id of a message recorded as sent, found by the prefix the fake gave its ids. */
    private static String awaitSentRecord(String account, String idPrefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var keys = redis.commands().keys("mw:msg:" + account + ":" + idPrefix + "*");
            if (!keys.isEmpty()) {
                return keys.get(keys.size() - 1).substring(("mw:msg:" + account + ":").length());
            }
            SimPhone.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("nothing was recorded as sent on " + account);
    }

    private static List<Map<String, String>> events() {
        return redis.commands().xrange("mw:events", Range.create("-", "+")).stream().map(m -> m.getBody()).toList();
    }

    private static List<Map<String, String>> sentEvents() {
        return events().stream().filter(e -> "message.sent".equals(e.get("type"))).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
