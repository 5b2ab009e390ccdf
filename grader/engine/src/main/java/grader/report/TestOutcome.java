package grader.report;

/**
 * How a planned test ended, with what the student should read about it.
 *
 * @param misconception what the test diagnosed when it failed, or null when it named nothing (or passed)
 */
public record TestOutcome(PlannedTest test, TestStatus status, String message, Misconception misconception) {

    public TestOutcome {
        message = message == null ? "" : message;
        misconception = status == TestStatus.PASSED ? null : misconception;
    }

    public TestOutcome(PlannedTest test, TestStatus status, String message) {
        this(test, status, message, null);
    }

    public static TestOutcome notRun(PlannedTest test, String reason) {
        return new TestOutcome(test, TestStatus.NOT_RUN, reason);
    }

    /** The points earned: all of them when passed, none otherwise. */
    public double score() {
        return status == TestStatus.PASSED ? test.points() : 0;
    }
}
