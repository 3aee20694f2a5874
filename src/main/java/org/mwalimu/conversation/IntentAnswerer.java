package org.mwalimu.conversation;

import java.util.List;
import java.util.Optional;
import org.mwalimu.content.Catalog;
import org.mwalimu.nlu.IntentRecognizer;
import org.mwalimu.nlu.Parse;

/** Reads questions with the intent classifier; an intent without an answer in the content counts as unknown. */
public final class IntentAnswerer implements QuestionAnswerer {

    private final IntentRecognizer recognizer;
    private final Catalog catalog;

    public IntentAnswerer(IntentRecognizer recognizer, Catalog catalog) {
        this.recognizer = recognizer;
        this.catalog = catalog;
    }

    @Override
    public Understanding understand(String question, String language) {
        Parse parse = recognizer.parse(question, Optional.of(language));
        List<String> candidates = parse.candidates().stream().map(Parse.Candidate::intent).toList();
        if (parse.isFallback() || catalog.answer(parse.intent()).isEmpty()) {
            return new Understanding.Unknown(candidates);
        }
        // The answer comes in the language the citizen chose, whatever the question was read in.
        if (parse.ambiguous() && catalog.answer(candidates.get(1)).isPresent()) {
            return new Understanding.Unsure(parse.intent(), candidates.get(1), language);
        }
        return new Understanding.Known(parse.intent(), language);
    }
}
