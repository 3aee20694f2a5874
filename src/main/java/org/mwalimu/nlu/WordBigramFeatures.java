package org.mwalimu.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Adjacent word pairs: "not received", "forgot password". */
public final class WordBigramFeatures implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
        List<String> features = new ArrayList<>(Math.max(0, tokens.length - 1));
        for (int i = 0; i + 1 < tokens.length; i++) {
            features.add("b=" + tokens[i] + "_" + tokens[i + 1]);
        }
        return features;
    }
}
