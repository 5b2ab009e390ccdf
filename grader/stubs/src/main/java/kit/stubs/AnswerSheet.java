package kit.stubs;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the instructor's {@code ANSWERS.md} into the students' copy: each answer between
 * {@code <!-- BEGIN ANSWER -->} and {@code <!-- END ANSWER -->} lines becomes a placeholder, and the
 * questions around it stay.
 */
public final class AnswerSheet {
    static final String BEGIN = "<!-- BEGIN ANSWER -->";
    static final String END = "<!-- END ANSWER -->";
    static final String PLACEHOLDER = "_Your answer here._";

    private AnswerSheet() {}

    /** The questions of {@code lines} with every answer replaced by {@link #PLACEHOLDER}. */
    public static List<String> questionsOnly(String fileName, List<String> lines) {
        List<String> out = new ArrayList<>();
        int openedAt = 0;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            int lineNumber = index + 1;
            if (line.equals(BEGIN)) {
                if (openedAt != 0) {
                    throw new StubSyntaxException(fileName, lineNumber, "BEGIN ANSWER inside the answer opened at line " + openedAt);
                }
                openedAt = lineNumber;
                out.add(PLACEHOLDER);
            } else if (line.equals(END)) {
                if (openedAt == 0) {
                    throw new StubSyntaxException(fileName, lineNumber, "END ANSWER without a BEGIN ANSWER before it");
                }
                openedAt = 0;
            } else if (openedAt == 0) {
                out.add(lines.get(index));
            }
        }
        if (openedAt != 0) {
            throw new StubSyntaxException(fileName, openedAt, "BEGIN ANSWER is never closed by an END ANSWER");
        }
        return out;
    }
}
