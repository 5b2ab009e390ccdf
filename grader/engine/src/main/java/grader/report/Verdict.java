package grader.report;

/** What became of a submission as a whole. */
public enum Verdict {
    /** The hidden tests ran; the score is what they earned. */
    GRADED(true),
    /** The code did not compile: score 0, the compiler's messages are the feedback. */
    COMPILE_ERROR(false),
    /** The code uses an API the grader does not allow: score 0 with the line and reason. */
    FORBIDDEN_API(true),
    /** The submission could not be read or was refused (bad zip, no Model.java, foreign classes). */
    REFUSED(false);

    private final boolean countsAsAttempt;

    Verdict(boolean countsAsAttempt) {
        this.countsAsAttempt = countsAsAttempt;
    }

    /** False when the platform should not charge the student an attempt (PrairieLearn's "gradable"). */
    public boolean countsAsAttempt() {
        return countsAsAttempt;
    }
}
