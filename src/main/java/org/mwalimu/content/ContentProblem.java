package org.mwalimu.content;

/** One reason a content file cannot be published: which file, which field, why. */
public record ContentProblem(String file, String field, String reason) {

    @Override
    public String toString() {
        return file + ": " + field + ": " + reason;
    }
}
