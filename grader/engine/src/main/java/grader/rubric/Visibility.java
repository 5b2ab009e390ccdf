package grader.rubric;

/** Who sees a test's result; the values are Gradescope's visibility settings. */
public enum Visibility {
    VISIBLE("visible"),
    HIDDEN("hidden"),
    AFTER_DUE_DATE("after_due_date"),
    AFTER_PUBLISHED("after_published");

    private final String gradescopeName;

    Visibility(String gradescopeName) {
        this.gradescopeName = gradescopeName;
    }

    /** The value of Gradescope's {@code visibility} field. */
    public String gradescopeName() {
        return gradescopeName;
    }
}
