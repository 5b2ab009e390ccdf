package grader.report;

import grader.rubric.Diagnoses;
import java.util.Optional;

/**
 * A misconception a hidden test diagnosed in a failure: its stable id and a one-line description for the
 * instructor. The class report counts submissions by id.
 */
public record Misconception(String id, String description) {
    private static final char SEPARATOR = '\t';

    /** The misconception if {@code id} has the shape {@link Diagnoses#isId} requires; the description is cut to one line. */
    public static Optional<Misconception> of(String id, String description) {
        if (!Diagnoses.isId(id)) {
            return Optional.empty();
        }
        String line = description == null ? "" : description.lines().findFirst().orElse("").strip();
        return Optional.of(new Misconception(id, line.length() > Diagnoses.MAX_DESCRIPTION_LENGTH
                ? line.substring(0, Diagnoses.MAX_DESCRIPTION_LENGTH) + "..." : line));
    }

    /** {@code id TAB description}, as the child sends it. */
    public String encode() {
        return id + SEPARATOR + description;
    }

    /** The inverse of {@link #encode}; empty for anything else. */
    public static Optional<Misconception> decode(String text) {
        int tab = text.indexOf(SEPARATOR);
        return tab < 0 ? Optional.empty() : of(text.substring(0, tab), text.substring(tab + 1));
    }
}
