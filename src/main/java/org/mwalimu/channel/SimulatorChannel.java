package org.mwalimu.channel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mwalimu.content.SmsEncoding;
import org.mwalimu.delivery.Fields;
import org.mwalimu.delivery.OutboundDispatcher.ChannelSender;
import org.mwalimu.delivery.StatsEvents;
import org.mwalimu.store.Inbox;
import org.mwalimu.store.SimulatorOutbox;
import org.mwalimu.store.StreamEntry;
import org.mwalimu.store.WorkStream;
import org.mwalimu.web.ApiError;
import org.mwalimu.web.JsonBody;

/**
 * The "sim" channel: a test phone over HTTP that goes through the same queues as a real provider.
 * POST a message as a citizen, GET what the bot sent to that citizen.
 */
public final class SimulatorChannel implements ChannelSender {

    public static final String NAME = "sim";
    static final int MAX_TEXT = 4096;
    private static final int MAX_ID = 200;

    private final Inbox inbox;
    private final SimulatorOutbox outbox;
    private final StatsEvents stats;
    private final SmsEncoding encoding;

    /** The simulator stands for an SMS phone: texts are prepared and counted as SMS. */
    public SimulatorChannel(Inbox inbox, SimulatorOutbox outbox, StatsEvents stats, SmsEncoding encoding) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.stats = stats;
        this.encoding = encoding;
    }

    public void mount(Router router) {
        router.post("/api/v1/simulator/messages").handler(ctx -> receive(ctx).onFailure(ctx::fail));
        router.get("/api/v1/simulator/messages").handler(ctx -> list(ctx).onFailure(ctx::fail));
    }

    private Future<Void> receive(RoutingContext ctx) {
        JsonBody body = JsonBody.of(ctx);
        String from = body.requiredString("from", 64);
        String address = PhoneNumbers.e164(from).orElseThrow(() -> ApiError.badRequest("invalid_from",
                "'from' must be a phone number in international format, e.g. +255700000001."));
        String text = body.requiredString("text", MAX_TEXT);
        Optional<String> id = body.optionalString("id", MAX_ID).filter(s -> !s.isBlank());
        Map<String, String> fields = new HashMap<>();
        fields.put(Fields.CHANNEL, NAME);
        fields.put(Fields.ADDRESS, address);
        fields.put(Fields.TEXT, text);
        fields.put(Fields.MESSAGE_ID, id.orElse(""));
        fields.put(Fields.AT, String.valueOf(System.currentTimeMillis()));
        return inbox.enqueue(NAME, address, id, fields).compose(queued -> ctx.response().setStatusCode(202)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("status", queued ? "queued" : "duplicate").encode()));
    }

    private Future<Void> list(RoutingContext ctx) {
        String raw = ctx.queryParams().get("address");
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("missing_field", "The query parameter 'address' is required.");
        }
        String address = PhoneNumbers.e164(raw).orElseThrow(() -> ApiError.badRequest("invalid_address",
                "'address' must be a phone number in international format, e.g. +255700000001."));
        return outbox.messages(address).compose(messages -> {
            JsonArray list = new JsonArray();
            messages.forEach(m -> list.add(new JsonObject()
                    .put("text", m.get(Fields.TEXT))
                    .put("at", Long.parseLong(m.getOrDefault(Fields.AT, "0")))
                    .put("replyTo", m.getOrDefault(Fields.REPLY_TO, ""))));
            return ctx.response().putHeader("Content-Type", "application/json").end(list.encode());
        });
    }

    @Override
    public Future<Void> send(WorkStream stream, StreamEntry entry) {
        long now = System.currentTimeMillis();
        String address = entry.field(Fields.ADDRESS);
        String text = encoding.prepare(entry.field(Fields.TEXT));
        Map<String, String> message = Map.of(Fields.TEXT, text, Fields.AT, String.valueOf(now),
                Fields.REPLY_TO, entry.field(Fields.REPLY_TO));
        Map<String, String> event = stats.event("message.sent", now, NAME, entry.field(Fields.LANGUAGE), address);
        event.put("segments", String.valueOf(encoding.segments(text).count()));
        return outbox.deliver(stream, entry, address, message, event).mapEmpty();
    }
}
