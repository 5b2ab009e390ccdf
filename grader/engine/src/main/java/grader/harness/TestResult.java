package grader.harness;

import grader.report.Misconception;
import grader.report.PlannedTest;

/**
 * How one test method ended in an in-process run: all its invocations passed, or the first failure.
 *
 * @param failure       what the first failing invocation threw; null when it passed
 * @param misconception what the test diagnosed when it failed, or null
 */
public record TestResult(String className, String methodName, boolean passed, Throwable failure,
                         Misconception misconception) {
    /** The method name of a result for a test class that failed as a whole (in a static initializer, say). */
    public static final String WHOLE_CLASS = "(class)";

    public TestResult(String className, String methodName, boolean passed, Throwable failure) {
        this(className, methodName, passed, failure, null);
    }

    /** {@code ClassSimpleName#methodName}, as in the rubric and the mutant catalog. */
    public String id() {
        return PlannedTest.simpleName(className) + "#" + methodName;
    }

    /** The failure as one line for a test's assertion message, or "passed". */
    public String describe() {
        return passed ? "passed" : String.valueOf(failure);
    }
}
