package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.common.ReferenceTimes;
import grader.harness.TestResult;
import grader.harness.VariantHarness;
import grader.report.PlannedTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden tests give the bundled reference solution full marks, and every one is a complete rubric entry. */
class HiddenTestsAgainstSolutionTest {
    private static final double TOTAL_POINTS = 100;
    @TempDir
    static Path work;
    /** The solution graded once; each test below reads a different property of the run. */
    private static HiddenTests solution;

    @BeforeAll
    static void gradeTheSolution() throws IOException {
        solution = HiddenTests.against(new VariantHarness(work), HiddenTests.KIT.solutionModel());
    }

    @Test
    void theSolutionPassesEveryHiddenTest() {
        HiddenTests run = solution;
        assertEquals(run.plan().size(), run.results().size(), "every hidden test should have run: " + run.results());
        for (TestResult result : run.results()) {
            assertTrue(result.passed(), result.id() + " fails on the solution: " + result.describe());
        }
        assertEquals(TOTAL_POINTS, run.score(), 1e-9);
    }

    @Test
    void everyHiddenTestHasPointsAHintADisplayNameAndAnExercise() {
        for (PlannedTest test : solution.plan()) {
            assertTrue(test.points() > 0, test.id() + " is worth no points");
            assertTrue(!test.hint().isBlank(), test.id() + " has no hint");
            assertTrue(test.exercise() >= 2 && test.exercise() <= 4, test.id() + " names exercise " + test.exercise());
        }
        for (Class<?> type : new Class<?>[] {Ex2BatchNormTest.class, Ex3RunningAveragesTest.class,
                Ex4PyTorchReferenceTest.class, Ex4TrainingTest.class}) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    assertTrue(method.isAnnotationPresent(DisplayName.class), type.getSimpleName() + "#"
                            + method.getName() + " has no @DisplayName");
                    assertTrue(method.isAnnotationPresent(grader.rubric.Points.class), type.getSimpleName() + "#"
                            + method.getName() + " has no @Points: the grader would never run it");
                }
            }
        }
    }

    @Test
    void thePointsSumTo100WithAboutAThirdPerExercise() {
        Map<Integer, Double> perExercise = new TreeMap<>();
        solution.plan().forEach(test -> perExercise.merge(test.exercise(), test.points(), Double::sum));
        assertEquals(Map.of(2, 35.0, 3, 35.0, 4, 30.0), perExercise, "points per exercise");
    }

    @Test
    void everyHiddenTestHasAReferenceTimeAndNoOtherTestHasOne() {
        ReferenceTimes times = ReferenceTimes.bundled().orElseThrow(() -> new AssertionError("no "
                + ReferenceTimes.RESOURCE + " bundled: measure it (see below)"));
        Set<String> planned = solution.plan().stream().map(PlannedTest::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(planned, new TreeSet<>(times.byTest().keySet()), "the reference times are stale (a hidden test was "
                + "added, renamed or removed): after mvn -B package, run java -jar grader/target/grader.jar selfcheck "
                + "--measure-times grader/exercise/src/main/resources/" + ReferenceTimes.RESOURCE);
    }
}
