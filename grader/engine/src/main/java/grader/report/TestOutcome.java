package grader.report;

import grader.rubric.LikelyCause;

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

    /** What the test saw, without the likely cause it diagnosed: the whole message when there is none. */
    public String observation() {
        int marker = message.lastIndexOf(LikelyCause.MARKER);
        return marker < 0 ? message : message.substring(0, marker).strip();
    }

    /** The misconception the test diagnosed ({@link LikelyCause}), or empty when it names none. */
    public String diagnosis() {
        int marker = message.lastIndexOf(LikelyCause.MARKER);
        return marker < 0 ? "" : message.substring(marker + LikelyCause.MARKER.length()).strip();
    }

    /** The points earned: all of them when passed, none otherwise. */
    public double score() {
        return status == TestStatus.PASSED ? test.points() : 0;
    }
}
