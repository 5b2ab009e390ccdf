package grader.rubric;

import java.util.Locale;

/** Who sees a test's result; the values are Gradescope's visibility settings. */
public enum Visibility {
    VISIBLE,
    HIDDEN,
    AFTER_DUE_DATE,
    AFTER_PUBLISHED;

    /** The value of Gradescope's {@code visibility} field: the name in lower case, e.g. {@code after_due_date}. */
    public String gradescopeName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
