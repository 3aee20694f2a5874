package org.mwalimu.nlu;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The feature generators of the intent classifier. OpenNLP rebuilds them from their class names
 * with no-argument constructors when a model is loaded, so each is a top-level class that fixes
 * its own settings.
 */
final class FeatureSets {

    private FeatureSets() {
    }

    static FeatureGenerator[] chosen() {
        return new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new WordPrefixFeatures(), new CharTrigramFeatures()};
    }
}
