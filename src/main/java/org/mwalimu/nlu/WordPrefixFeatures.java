package org.mwalimu.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Each word cut to its first five letters, alone and in adjacent pairs: a stemmer that works the
 * same in every language, so "registering", "registration" and "registred" meet as "regis", and
 * "not received" and "not receiving" share one pair.
 */
public final class WordPrefixFeatures implements FeatureGenerator {

    private static final int LENGTH = 5;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
        List<String> features = new ArrayList<>(2 * tokens.length);
        String previous = null;
        for (String token : tokens) {
            String prefix = token.length() > LENGTH ? token.substring(0, LENGTH) : token;
            features.add("p=" + prefix);
            if (previous != null) {
                features.add("pb=" + previous + "_" + prefix);
            }
            previous = prefix;
        }
        return features;
    }
}
