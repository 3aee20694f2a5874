package org.mwalimu.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Three-letter pieces of each word with its edges marked, so typos and word forms still match. */
public final class CharTrigramFeatures implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInfo) {
        List<String> features = new ArrayList<>();
        for (String token : tokens) {
            if (token.length() < 3) {
                continue;
            }
            String padded = "<" + token + ">";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                features.add("c=" + padded.substring(i, i + 3));
            }
        }
        return features;
    }
}
