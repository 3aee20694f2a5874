package org.mwalimu.content;

import java.util.List;
import java.util.stream.Collectors;

/** Content that failed validation; carries every problem found, not just the first. */
public class InvalidContentException extends Exception {

    private final List<ContentProblem> problems;

    public InvalidContentException(List<ContentProblem> problems) {
        super("content is invalid:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
