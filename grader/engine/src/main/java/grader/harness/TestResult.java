package grader.harness;

import grader.report.PlannedTest;

/**
 * How one test method ended in an in-process run: all its invocations passed, or the first failure.
 *
 * @param failure what the first failing invocation threw; null when it passed
 */
public record TestResult(String className, String methodName, boolean passed, Throwable failure) {
    /** The method name of a result for a test class that failed as a whole (in a static initializer, say). */
    public static final String WHOLE_CLASS = "(class)";

    /** {@code ClassSimpleName#methodName}, as in the rubric and the mutant catalog. */
    public String id() {
        return PlannedTest.simpleName(className) + "#" + methodName;
    }

    /** The failure as one line for a test's assertion message, or "passed". */
    public String describe() {
        return passed ? "passed" : String.valueOf(failure);
    }
}
