package org.mwalimu.content;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, validated published version of all content: the languages offered (first is the
 * default), the courses in menu order and the answers to e-service questions by intent. The engine
 * only ever reads a Catalog.
 */
public record Catalog(List<LanguagePack> languages, List<Course> courses, Map<String, Answer> answers) {

    public Catalog {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one language");
        }
        languages = List.copyOf(languages);
        courses = courses.stream().sorted(Comparator.comparingInt(Course::order)).toList();
        answers = Map.copyOf(answers);
    }

    public Optional<Answer> answer(String intent) {
        return Optional.ofNullable(answers.get(intent));
    }

    public LanguagePack defaultLanguage() {
        return languages.get(0);
    }

    public Optional<LanguagePack> language(String code) {
        return languages.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public LanguagePack languageOrDefault(String code) {
        return language(code).orElse(defaultLanguage());
    }

    public Optional<Course> course(String id) {
        return courses.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The message {@code key} in {@code language}, placeholders filled from {@code values}. */
    public String message(String language, MessageKey key, Map<String, String> values) {
        return message(language, key, values, Surface.TEXT);
    }

    public String message(String language, MessageKey key, Map<String, String> values, Surface surface) {
        return Templates.fill(languageOrDefault(language).message(key, surface), values);
    }

    public String message(String language, MessageKey key) {
        return message(language, key, Map.of());
    }
}
