package grader.rubric;

/**
 * How a hidden test names the misconception behind a failure: it publishes a JUnit report entry with
 * {@link #ID_KEY} (a stable id such as {@code divided-by-variance}) and {@link #DESCRIPTION_KEY} (one line
 * for the instructor) before its assertion error leaves the test. A report entry is plain strings, so it
 * crosses the child-first class loader and the child JVM unchanged; the grader never needs the exercise's
 * own classes to count misconceptions.
 */
public final class Diagnoses {
    public static final String ID_KEY = "misconception";
    public static final String DESCRIPTION_KEY = "misconception-description";
    /** Lower-case words joined by hyphens, at most 64 characters: safe in CSV, JSON, HTML and file names. */
    public static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_DESCRIPTION_LENGTH = 200;

    private Diagnoses() {}

    /** True for an id of the documented shape. */
    public static boolean isId(String id) {
        return id != null && id.length() <= MAX_ID_LENGTH && id.matches(ID_PATTERN);
    }
}
