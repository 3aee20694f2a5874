package org.mwalimu.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.mwalimu.nlu.IntentRecognizer;
import org.mwalimu.nlu.Parse;
import org.mwalimu.store.UnansweredQuestions;
import org.mwalimu.web.ApiError;
import org.mwalimu.web.JsonBody;

/**
 * The question-answering side for editors: what a text would be read as (POST /api/v1/nlu/parse)
 * and the questions the bot could not answer, for the next round of training.
 */
public final class QuestionsApi {

    private static final int MAX_TEXT = 4096;
    private static final int MAX_LISTED = 1000;

    private final IntentRecognizer recognizer;
    private final UnansweredQuestions unanswered;
    private final List<String> languages;

    public QuestionsApi(IntentRecognizer recognizer, UnansweredQuestions unanswered, List<String> languages) {
        this.recognizer = recognizer;
        this.unanswered = unanswered;
        this.languages = List.copyOf(languages);
    }

    public void mount(Router router) {
        router.post("/api/v1/nlu/parse").handler(ctx -> parse(ctx).onFailure(ctx::fail));
        router.get("/api/v1/admin/questions/unanswered").handler(ctx -> listUnanswered(ctx).onFailure(ctx::fail));
    }

    private Future<Void> parse(RoutingContext ctx) {
        JsonBody body = JsonBody.of(ctx);
        String text = body.requiredString("text", MAX_TEXT);
        Optional<String> language = body.optionalString("language", 8);
        if (language.isPresent() && !languages.contains(language.get())) {
            throw ApiError.badRequest("unsupported_language", "'language' must be one of " + languages + ".");
        }
        Parse parse = recognizer.parse(text, language);
        JsonArray candidates = new JsonArray();
        parse.candidates().forEach(c -> candidates.add(new JsonObject().put("intent", c.intent())
                .put("confidence", round(c.confidence()))));
        JsonObject result = new JsonObject().put("intent", parse.intent()).put("confidence", round(parse.confidence()))
                .put("language", parse.language()).put("candidates", candidates).put("ambiguous", parse.ambiguous());
        return ctx.response().putHeader("Content-Type", "application/json").end(result.encode());
    }

    private Future<Void> listUnanswered(RoutingContext ctx) {
        int limit = limit(ctx.queryParams().get("limit"));
        return unanswered.count().compose(total -> unanswered.newest(limit).compose(items -> {
            JsonArray list = new JsonArray();
            items.forEach(item -> list.add(new JsonObject()
                    .put("id", item.get("id"))
                    .put("text", item.get("text"))
                    .put("language", item.get("language"))
                    .put("candidates", new JsonArray(List.of(item.getOrDefault("candidates", "").split(","))
                            .stream().filter(c -> !c.isEmpty()).toList()))
                    .put("at", Long.parseLong(item.getOrDefault("at", "0")))));
            return ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("total", total).put("questions", list).encode());
        }));
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LISTED) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.badRequest("invalid_limit", "'limit' must be a number from 1 to " + MAX_LISTED + ".");
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
