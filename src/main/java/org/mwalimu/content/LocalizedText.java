package org.mwalimu.content;

import java.util.Map;

/** One text in every supported language, keyed by language code. */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    public String in(String language) {
        String text = byLanguage.get(language);
        if (text == null) {
            throw new IllegalArgumentException("no text in language " + language);
        }
        return text;
    }
}
