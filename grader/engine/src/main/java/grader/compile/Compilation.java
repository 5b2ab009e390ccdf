package grader.compile;

import java.util.List;

/**
 * What compiling a submission gave.
 *
 * @param result   compiled, did not compile, or compiled but uses forbidden APIs
 * @param messages compiler errors or static-check findings, one per entry, each starting with file:line
 */
public record Compilation(Result result, List<String> messages) {
    public enum Result { COMPILED, ERRORS, FORBIDDEN }

    public Compilation {
        messages = List.copyOf(messages);
    }

    public boolean compiled() {
        return result == Result.COMPILED;
    }
}
