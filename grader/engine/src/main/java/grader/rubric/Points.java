package grader.rubric;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rubric entry of one hidden test: its points, its hint and who sees it. The test's name is its
 * JUnit {@code @DisplayName}; its id is {@code ClassSimpleName#methodName}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** Points for passing this test. */
    double value();

    /** What to check when this test fails, written for the student. */
    String hint();

    /** Which exercise the test belongs to (2, 3 or 4); used for tags and reports. */
    int exercise();

    Visibility visibility() default Visibility.VISIBLE;
}
