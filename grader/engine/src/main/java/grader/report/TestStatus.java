package grader.report;

/** How one hidden test ended. Only {@link #PASSED} earns its points. */
public enum TestStatus {
    PASSED("passed"),
    FAILED("failed"),
    TIMED_OUT("timed out"),
    CRASHED("crashed"),
    NOT_RUN("not run");

    private final String words;

    TestStatus(String words) {
        this.words = words;
    }

    /** The status as a reader would say it, e.g. "timed out". */
    public String words() {
        return words;
    }
}
