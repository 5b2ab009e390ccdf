package grader.rubric;

/**
 * How a hidden test says which misconception explains its failure: the failure message ends with
 * {@link #MARKER} and the cause. Reports then show that cause as the test's hint in place of the
 * rubric's generic {@link Points#hint()}, which could otherwise point the student elsewhere.
 */
public final class LikelyCause {
    public static final String MARKER = "Likely cause: ";

    private LikelyCause() {}

    /** The end of a failure message naming {@code cause}. */
    public static String of(String cause) {
        return MARKER + cause;
    }
}
