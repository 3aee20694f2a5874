package org.mwalimu.content;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking content/: the catalog when it can be published, what it holds, and every
 * error (which block publishing) and warning (which an editor should look at).
 */
public record ContentReport(Optional<Catalog> catalog, int courses, int lessons, int quizzes, List<String> languages,
                            List<ContentProblem> errors, List<ContentProblem> warnings) {

    public ContentReport {
        languages = List.copyOf(languages);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
