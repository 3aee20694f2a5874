package org.mwalimu.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code content/} layout (system/&lt;lang&gt;.yaml, courses/*.yaml), checks every file and
 * builds a {@link Catalog}. All problems are collected so an editor sees them at once.
 */
public final class ContentLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Country-specific parts of answers and lesson steps, filled from settings. */
    public static final Set<String> COUNTRY_PLACEHOLDERS = Set.of("portal_url", "helpline", "office_hours", "short_code");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final List<String> languageCodes;
    private final List<ContentProblem> problems = new ArrayList<>();

    private final boolean foldAccents;

    /** @param languageCodes the languages every text must exist in; the first is the default. */
    public ContentLoader(List<String> languageCodes) {
        this(languageCodes, false);
    }

    /** @param foldAccents whether SMS are sent with accents folded (MW_SMS_FOLD_ACCENTS), for the segment limits */
    public ContentLoader(List<String> languageCodes, boolean foldAccents) {
        this.languageCodes = List.copyOf(languageCodes);
        this.foldAccents = foldAccents;
    }

    /** The published catalog, or every error found; warnings do not stop it. */
    public Catalog load(Path contentDir) throws InvalidContentException {
        ContentReport report = check(contentDir);
        if (!report.errors().isEmpty()) {
            throw new InvalidContentException(report.errors());
        }
        return report.catalog().orElseThrow();
    }

    /** Checks everything under {@code contentDir}, collecting all errors and warnings. */
    public ContentReport check(Path contentDir) {
        problems.clear();
        List<ContentProblem> warnings = new ArrayList<>();
        List<LanguagePack> languages = new ArrayList<>();
        for (String code : languageCodes) {
            Path file = contentDir.resolve("system").resolve(code + ".yaml");
            read(file).ifPresent(root -> languages.add(languagePack(file, code, root)));
        }
        List<Map.Entry<Course, Path>> courseFiles = new ArrayList<>();
        Path courseDir = contentDir.resolve("courses");
        for (Path file : yamlFiles(courseDir)) {
            read(file).ifPresent(root -> courseFiles.add(Map.entry(course(file, root), file)));
        }
        List<Course> courses = courseFiles.stream().map(Map.Entry::getKey).toList();
        if (courses.isEmpty()) {
            problems.add(new ContentProblem(courseDir.toString(), "-", "no course file found"));
        }
        checkCommandWords(contentDir, languages, courseFiles);
        checkUnique(courses.stream().map(Course::id).toList(), courseDir, "id", "course id");
        checkUnique(courses.stream().map(c -> String.valueOf(c.order())).toList(), courseDir, "order", "course order");
        Map<String, Answer> answers = answers(contentDir.resolve("answers"), courses);
        int lessons = courses.stream().mapToInt(c -> c.lessons().size()).sum();
        if (!problems.isEmpty()) {
            return new ContentReport(Optional.empty(), courses.size(), lessons, lessons, languageCodes, problems, warnings);
        }
        Catalog catalog = new Catalog(languages, courses, answers);
        ContentLimits limits = new ContentLimits(catalog, foldAccents);
        BiConsumer<String, ContentProblem> report = (kind, problem) ->
                (kind.equals("error") ? problems : warnings).add(problem);
        for (Map.Entry<Course, Path> entry : courseFiles) {
            limits.check(entry.getKey(), entry.getValue(), report);
        }
        for (Answer answer : answers.values()) {
            limits.check(answer, contentDir.resolve("answers").resolve(answer.intent() + ".yaml"), report);
        }
        return new ContentReport(problems.isEmpty() ? Optional.of(catalog) : Optional.empty(), courses.size(), lessons,
                lessons, languageCodes, problems, warnings);
    }

    /**
     * A keyword must mean one command in every language, and no quiz option may read as a command,
     * or a citizen's answer would be taken as MENU or STOP.
     */
    private void checkCommandWords(Path contentDir, List<LanguagePack> languages,
                                   List<Map.Entry<Course, Path>> courseFiles) {
        Map<String, Command> meaning = new HashMap<>();
        for (LanguagePack pack : languages) {
            String file = contentDir.resolve("system").resolve(pack.code() + ".yaml").toString();
            pack.commands().forEach((command, words) -> words.forEach(word -> {
                Command before = meaning.putIfAbsent(TextFold.fold(word), command);
                if (before != null && before != command) {
                    problems.add(new ContentProblem(file, "commands." + command.name().toLowerCase(Locale.ROOT),
                            "'" + word + "' already means " + before));
                }
            }));
        }
        for (Map.Entry<Course, Path> entry : courseFiles) {
            List<Lesson> lessons = entry.getKey().lessons();
            for (int l = 0; l < lessons.size(); l++) {
                String field = "lessons[" + l + "].quiz.options.";
                for (LocalizedText option : lessons.get(l).quiz().options()) {
                    option.byLanguage().forEach((language, text) -> {
                        if (meaning.containsKey(TextFold.fold(text))) {
                            problems.add(new ContentProblem(entry.getValue().toString(), field + language,
                                    "'" + text + "' is also a command word"));
                        }
                    });
                }
            }
        }
    }

    /** content/answers/&lt;intent&gt;.yaml; the folder is optional. */
    private Map<String, Answer> answers(Path dir, List<Course> courses) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return answers;
        }
        for (Path file : yamlFiles(dir)) {
            read(file).ifPresent(root -> {
                String f = file.toString();
                String intent = root.path("intent").asText("");
                if (!intent.matches("[a-z_]+\\.[a-z_]+")) {
                    problems.add(new ContentProblem(f, "intent", "must be an intent id such as account.password_reset"));
                } else if (answers.containsKey(intent)) {
                    problems.add(new ContentProblem(f, "intent", "duplicate answer for '" + intent + "'"));
                }
                LocalizedText title = localized(f, root.path("title"), "title");
                LocalizedText text = localized(f, root.path("text"), "text", COUNTRY_PLACEHOLDERS);
                Optional<String> course = Optional.of(root.path("lesson").asText("")).filter(c -> !c.isEmpty());
                course.filter(c -> courses.stream().noneMatch(k -> k.id().equals(c))).ifPresent(c ->
                        problems.add(new ContentProblem(f, "lesson", "no course has the id '" + c + "'")));
                answers.put(intent, new Answer(intent, title, text, course));
            });
        }
        return answers;
    }

    private List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.add(new ContentProblem(dir.toString(), "-", "directory is missing"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new ContentProblem(dir.toString(), "-", "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            problems.add(new ContentProblem(file.toString(), "-", "file is missing"));
            return Optional.empty();
        }
        try {
            JsonNode root = yaml.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                problems.add(new ContentProblem(file.toString(), "-", "must be a YAML mapping"));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (IOException e) {
            problems.add(new ContentProblem(file.toString(), "-", "not valid YAML: " + firstLine(e.getMessage())));
            return Optional.empty();
        }
    }

    private LanguagePack languagePack(Path file, String code, JsonNode root) {
        String f = file.toString();
        if (!code.equals(root.path("language").asText())) {
            problems.add(new ContentProblem(f, "language", "must be '" + code + "' to match the file name"));
        }
        String name = text(f, root, "language_name");
        Map<Command, List<String>> commands = new EnumMap<>(Command.class);
        for (Command command : Command.values()) {
            String field = "commands." + command.name().toLowerCase(Locale.ROOT);
            JsonNode list = root.path("commands").path(command.name().toLowerCase(Locale.ROOT));
            List<String> words = new ArrayList<>();
            list.forEach(w -> {
                if (w.isTextual() && !w.asText().isBlank()) {
                    words.add(w.asText().trim());
                }
            });
            if (!list.isArray() || words.isEmpty()) {
                problems.add(new ContentProblem(f, field, "needs a list of at least one keyword"));
            }
            commands.put(command, words);
        }
        Map<MessageKey, String> messages = new EnumMap<>(MessageKey.class);
        for (MessageKey key : MessageKey.values()) {
            messages.put(key, message(f, root.path("messages"), "messages", key));
        }
        Map<MessageKey, String> ussd = new EnumMap<>(MessageKey.class);
        for (MessageKey key : MessageKey.values()) {
            JsonNode node = root.path("ussd").path(key.yamlName());
            if (node.isTextual() && node.asText().isBlank()) {
                ussd.put(key, ""); // the line is left out on USSD screens
            } else if (!node.isMissingNode()) {
                ussd.put(key, message(f, root.path("ussd"), "ussd", key));
            }
        }
        root.path("ussd").fieldNames().forEachRemaining(field -> {
            if (Arrays.stream(MessageKey.values()).noneMatch(k -> k.yamlName().equals(field))) {
                problems.add(new ContentProblem(f, "ussd." + field, "is not a message name"));
            }
        });
        return new LanguagePack(code, name, commands, messages, ussd);
    }

    private Course course(Path file, JsonNode root) {
        String f = file.toString();
        String id = id(f, root.path("id"), "id");
        int order = root.path("order").isInt() ? root.path("order").asInt() : 0;
        if (order <= 0) {
            problems.add(new ContentProblem(f, "order", "must be a whole number of 1 or more"));
        }
        LocalizedText title = localized(f, root.path("title"), "title");
        LocalizedText summary = localized(f, root.path("summary"), "summary");
        List<Lesson> lessons = new ArrayList<>();
        JsonNode lessonNodes = root.path("lessons");
        if (!lessonNodes.isArray() || lessonNodes.isEmpty()) {
            problems.add(new ContentProblem(f, "lessons", "needs at least one lesson"));
        }
        for (int i = 0; i < lessonNodes.size(); i++) {
            lessons.add(lesson(f, lessonNodes.get(i), "lessons[" + i + "]"));
        }
        checkUnique(lessons.stream().map(Lesson::id).toList(), file, "lessons", "lesson id");
        return new Course(id, order, title, summary, lessons);
    }

    private Lesson lesson(String f, JsonNode node, String path) {
        String id = id(f, node.path("id"), path + ".id");
        LocalizedText title = localized(f, node.path("title"), path + ".title");
        List<LocalizedText> steps = new ArrayList<>();
        JsonNode stepNodes = node.path("steps");
        if (!stepNodes.isArray() || stepNodes.isEmpty()) {
            problems.add(new ContentProblem(f, path + ".steps", "needs at least one step"));
        }
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(localized(f, stepNodes.get(i), path + ".steps[" + i + "]", COUNTRY_PLACEHOLDERS));
        }
        return new Lesson(id, title, steps, quiz(f, node.path("quiz"), path + ".quiz"));
    }

    private Quiz quiz(String f, JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(new ContentProblem(f, path, "every lesson needs a quiz"));
        }
        LocalizedText question = localized(f, node.path("question"), path + ".question");
        List<LocalizedText> options = new ArrayList<>();
        JsonNode optionNodes = node.path("options");
        for (int i = 0; i < optionNodes.size(); i++) {
            options.add(localized(f, optionNodes.get(i), path + ".options[" + i + "]"));
        }
        if (options.size() < 2 || options.size() > 9) {
            problems.add(new ContentProblem(f, path + ".options", "needs 2 to 9 options"));
        }
        for (String language : languageCodes) {
            Set<String> seen = new HashSet<>();
            for (LocalizedText option : options) {
                String text = option.byLanguage().getOrDefault(language, "");
                if (!text.isEmpty() && !seen.add(TextFold.fold(text))) {
                    problems.add(new ContentProblem(f, path + ".options." + language, "option '" + text + "' is repeated"));
                }
            }
        }
        int answer = node.path("answer").isInt() ? node.path("answer").asInt() : 0;
        if (answer < 1 || answer > options.size()) {
            problems.add(new ContentProblem(f, path + ".answer", "must be the number of an option, 1 to " + options.size()));
            answer = 1;
        }
        LocalizedText hint = localized(f, node.path("hint"), path + ".hint");
        LocalizedText explanation = localized(f, node.path("explanation"), path + ".explanation");
        return new Quiz(question, options, answer, hint, explanation);
    }

    /** One system message, checked for its placeholders. */
    private String message(String f, JsonNode section, String sectionName, MessageKey key) {
        String field = sectionName + "." + key.yamlName();
        String text = text(f, section, key.yamlName(), field);
        Set<String> used = Templates.placeholdersIn(text);
        for (String p : used) {
            if (!key.placeholders().contains(p)) {
                problems.add(new ContentProblem(f, field, "unknown placeholder {" + p + "}"));
            }
        }
        for (String p : key.placeholders()) {
            if (!text.isEmpty() && !used.contains(p)) {
                problems.add(new ContentProblem(f, field, "must contain the placeholder {" + p + "}"));
            }
        }
        return text;
    }

    private LocalizedText localized(String f, JsonNode node, String path) {
        return localized(f, node, path, Set.of());
    }

    /** A text in every language; {@code placeholders} are the only ones it may use. */
    private LocalizedText localized(String f, JsonNode node, String path, Set<String> allowed) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add(new ContentProblem(f, path, "needs a text in each of " + languageCodes));
            return new LocalizedText(texts);
        }
        for (String language : languageCodes) {
            JsonNode text = node.path(language);
            if (!text.isTextual() || text.asText().isBlank()) {
                problems.add(new ContentProblem(f, path + "." + language, "text is missing"));
                continue;
            }
            texts.put(language, text.asText().strip());
            for (String placeholder : Templates.placeholdersIn(text.asText())) {
                if (!allowed.contains(placeholder)) {
                    problems.add(new ContentProblem(f, path + "." + language, "unknown placeholder {" + placeholder + "}"));
                }
            }
        }
        return new LocalizedText(texts);
    }

    private String id(String f, JsonNode node, String field) {
        String id = node.asText("");
        if (!ID.matcher(id).matches()) {
            problems.add(new ContentProblem(f, field, "must be lower-case letters, digits and hyphens"));
        }
        return id;
    }

    private String text(String f, JsonNode parent, String field) {
        return text(f, parent, field, field);
    }

    private String text(String f, JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(new ContentProblem(f, field, "text is missing"));
            return "";
        }
        return node.asText().strip();
    }

    private void checkUnique(List<String> values, Path where, String field, String what) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!value.isEmpty() && !seen.add(value)) {
                problems.add(new ContentProblem(where.toString(), field, "duplicate " + what + " '" + value + "'"));
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
