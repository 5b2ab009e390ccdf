package grader.report;

/** How a planned test ended, with what the student should read about it. */
public record TestOutcome(PlannedTest test, TestStatus status, String message) {

    public TestOutcome {
        message = message == null ? "" : message;
    }

    public static TestOutcome notRun(PlannedTest test, String reason) {
        return new TestOutcome(test, TestStatus.NOT_RUN, reason);
    }

    /** The points earned: all of them when passed, none otherwise. */
    public double score() {
        return status == TestStatus.PASSED ? test.points() : 0;
    }
}
