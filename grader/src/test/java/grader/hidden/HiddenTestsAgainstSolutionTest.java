package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.Points;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hidden tests give the reference solution (on this module's test classpath) full marks. */
class HiddenTestsAgainstSolutionTest {
    private static final double TOTAL_POINTS = 100;

    @Test
    void theSolutionPassesEveryHiddenTest() {
        HiddenTestRun.Outcome outcome = HiddenTestRun.run(getClass().getClassLoader());
        assertTrue(outcome.failures().isEmpty(), "hidden tests failing on the solution: " + outcome.failures());
        assertEquals(HiddenTestRun.rubric(getClass().getClassLoader()).size(), outcome.passed().size(),
                "every hidden test should have run");
        assertEquals(TOTAL_POINTS, outcome.score(), 1e-9);
        outcome.millisPerTest().forEach((id, ms) -> System.out.println("  " + id + " " + ms + " ms"));
        System.out.println("hidden_suite_ms=" + outcome.millis());
    }

    @Test
    void everyHiddenTestHasPointsAHintADisplayNameAndAnExercise() {
        Map<String, Points> rubric = HiddenTestRun.rubric(getClass().getClassLoader());
        rubric.forEach((id, points) -> {
            assertNotNull(points, id + " has no @Points");
            assertTrue(points.value() > 0, id + " is worth no points");
            assertTrue(!points.hint().isBlank(), id + " has no hint");
            assertTrue(points.exercise() >= 2 && points.exercise() <= 4, id + " names exercise " + points.exercise());
        });
        for (String className : HiddenTestRun.classNames()) {
            try {
                for (var method : Class.forName(className).getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        assertTrue(method.isAnnotationPresent(DisplayName.class), className + "#" + method.getName() + " has no @DisplayName");
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void thePointsSumTo100WithAboutAThirdPerExercise() {
        Map<Integer, Double> perExercise = new TreeMap<>();
        HiddenTestRun.rubric(getClass().getClassLoader()).values()
                .forEach(p -> perExercise.merge(p.exercise(), p.value(), Double::sum));
        assertEquals(Map.of(2, 35.0, 3, 35.0, 4, 30.0), perExercise, "points per exercise");
        assertEquals(TOTAL_POINTS, perExercise.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }
}
