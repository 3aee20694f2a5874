package org.mwalimu.nlu;

/** One labelled message: its language, its intent (or "fallback") and the text a citizen wrote. */
public record Example(String language, String intent, String text) {
}
