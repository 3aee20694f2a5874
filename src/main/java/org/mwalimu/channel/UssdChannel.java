package org.mwalimu.channel;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mwalimu.content.Catalog;
import org.mwalimu.content.MessageKey;
import org.mwalimu.content.Surface;
import org.mwalimu.conversation.Incoming;
import org.mwalimu.conversation.Reply;
import org.mwalimu.delivery.DirectTurns;
import org.mwalimu.store.UssdSessions;
import org.mwalimu.web.ApiError;

/**
 * Africa's Talking USSD: the gateway posts the whole path typed so far ("", "1", "1*2"...) and
 * shows our answer, "CON ..." to go on or "END ..." to close. The newest key press is handled by
 * the same engine and the same progress as SMS; long replies are paged with "98 More".
 */
public final class UssdChannel {

    public static final String NAME = "ussd";
    /** Daily lessons chosen on USSD arrive by SMS. */
    private static final String DAILY_CHANNEL = "at-sms";
    /** Characters a screen shows; the "CON " or "END " in front is not shown. */
    static final int SCREEN = 182;
    private static final String CONTINUE = "CON ";
    private static final String CLOSE = "END ";
    private static final String PAGES = "pages";
    /** "98 More" is the usual paging key on USSD menus, clear of the menu's own numbers. */
    private static final String MORE_KEY = "98";

    private final DirectTurns turns;
    private final UssdSessions sessions;
    private final Catalog catalog;
    private final Optional<String> webhookToken;

    public UssdChannel(DirectTurns turns, UssdSessions sessions, Catalog catalog, Optional<String> webhookToken) {
        this.turns = turns;
        this.sessions = sessions;
        this.catalog = catalog;
        this.webhookToken = webhookToken;
    }

    public void mount(Router router) {
        router.post("/webhooks/africastalking/ussd").handler(ctx -> answer(ctx).onFailure(ctx::fail));
    }

    private Future<Void> answer(RoutingContext ctx) {
        Webhooks.requireToken(ctx, webhookToken);
        MultiMap form = ctx.request().formAttributes();
        String sessionId = Webhooks.required(form, "sessionId");
        String address = PhoneNumbers.e164(Webhooks.required(form, "phoneNumber"))
                .orElseThrow(() -> ApiError.badRequest("invalid_phone", "'phoneNumber' is not a phone number."));
        String path = form.get("text") == null ? "" : form.get("text");
        String requestKey = "r:" + path;
        return sessions.get(sessionId, requestKey)
                .compose(cached -> cached.isPresent() ? Future.succeededFuture(cached.get())
                        : screen(sessionId, address, path).compose(screen ->
                                sessions.put(sessionId, requestKey, screen).map(screen)))
                .compose(screen -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(screen));
    }

    private Future<String> screen(String sessionId, String address, String path) {
        String key = path.isEmpty() ? "" : path.substring(path.lastIndexOf('*') + 1).strip();
        return sessions.get(sessionId, PAGES).compose(pages -> {
            if (pages.isPresent() && key.equals(MORE_KEY)) {
                return nextPage(sessionId, new JsonObject(pages.get()));
            }
            // Dialling in is asking for Mwalimu, so a session starts as START (which also opts back in).
            Incoming incoming = new Incoming.Text(key.isEmpty() ? "START" : key);
            return turns.handle(NAME, address, incoming, Surface.USSD, DAILY_CHANNEL).compose(turn -> {
                String text = turn.replies().stream().map(Reply::text).reduce((a, b) -> a + "\n" + b).orElse("");
                if (turn.state().optedOut()) {
                    return sessions.remove(sessionId, PAGES).map(CLOSE + text);
                }
                String more = catalog.message(turn.state().language(), MessageKey.MORE, Map.of(), Surface.USSD);
                List<String> split = text.length() <= SCREEN ? List.of(text)
                        : UssdPages.split(text, SCREEN - more.length() - 1);
                return nextPage(sessionId, new JsonObject().put("more", more).put("pages", new JsonArray(split)));
            });
        });
    }

    /** Shows the first of the pages left, keeping the rest (and the "98 More" label) for the next key press. */
    private Future<String> nextPage(String sessionId, JsonObject paging) {
        JsonArray pages = paging.getJsonArray("pages");
        String page = pages.getString(0);
        if (pages.size() == 1) {
            return sessions.remove(sessionId, PAGES).map(CONTINUE + page);
        }
        pages.remove(0);
        return sessions.put(sessionId, PAGES, paging.encode()).map(CONTINUE + page + "\n" + paging.getString("more"));
    }
}
