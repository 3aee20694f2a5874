package org.mwalimu.nlu;

import java.util.List;

/**
 * What a message means: the intent (or "fallback"), how sure the classifier is, the language it
 * was read in, the best candidates, and whether the top two are too close to choose between.
 */
public record Parse(String intent, double confidence, String language, List<Candidate> candidates, boolean ambiguous) {

    public Parse {
        candidates = List.copyOf(candidates);
    }

    public boolean isFallback() {
        return intent.equals(TrainingData.FALLBACK);
    }

    public record Candidate(String intent, double confidence) {
    }
}
