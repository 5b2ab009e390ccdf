package grader.report;

import java.util.Locale;

/** How one hidden test ended. Only {@link #PASSED} earns its points. */
public enum TestStatus {
    PASSED,
    FAILED,
    TIMED_OUT,
    CRASHED,
    NOT_RUN;

    /** The status as a reader would say it, e.g. "timed out". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
