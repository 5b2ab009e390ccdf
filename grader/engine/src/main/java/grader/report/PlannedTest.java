package grader.report;

import grader.rubric.Visibility;

/**
 * One hidden test as the rubric declares it, known before any student code runs.
 *
 * @param className  the test class's binary name, e.g. {@code <hidden package>.Ex2BatchNormTest}
 * @param methodName the test method
 */
public record PlannedTest(String className, String methodName, String displayName, double points, String hint,
                          int exercise, Visibility visibility) {

    /** The id used in reports and the mutant catalog: {@code ClassSimpleName#methodName}. */
    public String id() {
        return simpleName(className) + "#" + methodName;
    }

    /** The id with the full class name, as the child JVM selects the test. */
    public String selector() {
        return className + "#" + methodName;
    }

    /** The simple name of a binary class name: {@code a.b.Outer$Inner} gives {@code Inner}. */
    public static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
