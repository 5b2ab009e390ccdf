package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.common.GraderConfig;
import grader.common.TimeLimitRule;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import grader.report.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped time limits, from the bundled reference times, on real submissions in child JVMs: generous
 * enough for a correct but slow submission, tight enough that a runaway costs about the floor per test.
 */
class TimeLimitsTest {
    private static final String EVAL_FIRST_LINE = "Node mean = new Node(params.get(\"avg_mean_\" + name));";
    /** The last lines of the solution's two batch-norm modes: training mode normalises its centered batch once. */
    private static final String TRAINING_NORMALISED = "return scaleAndShift(centered.div(variance.add(EPSILON).sqrt()), name);";
    private static final String EVAL_NORMALISED = "return scaleAndShift(x.sub(mean).div(variance.add(EPSILON).sqrt()), name);";

    @TempDir
    static Path workRoot;
    private static Grader grader;

    @BeforeAll
    static void startGrader() throws Exception {
        grader = new Grader(GraderConfig.builder().workRoot(workRoot).build());
    }

    @AfterAll
    static void closeGrader() {
        grader.close();
    }

    /**
     * The solution with every layer five times slower: each forward pass of a linear layer and each batch
     * norm, in both modes, spins for four times as long as its real work took.
     */
    static String fiveTimesSlowerSolution() {
        String solution = HiddenTests.KIT.solutionModel();
        String slow = solution
                .replace("return x -> x.dot(param(weight));", "return x -> {\n            long started = System.nanoTime();\n"
                        + "            Node out = x.dot(param(weight));\n            spinFourTimesAsLong(started);\n"
                        + "            return out;\n        };")
                .replace("Node mean = x.mean(0);", "long started = System.nanoTime();\n        Node mean = x.mean(0);")
                .replace(EVAL_FIRST_LINE, "long started = System.nanoTime();\n        " + EVAL_FIRST_LINE)
                .replace(TRAINING_NORMALISED, spinningBeforeReturn(TRAINING_NORMALISED))
                .replace(EVAL_NORMALISED, spinningBeforeReturn(EVAL_NORMALISED));
        int end = slow.lastIndexOf('}');
        slow = slow.substring(0, end) + "\n    /** Busy-waits four times as long as the work since {@code started} took. */\n"
                + "    private static void spinFourTimesAsLong(long started) {\n"
                + "        long end = System.nanoTime() + 4 * (System.nanoTime() - started);\n"
                + "        while (System.nanoTime() < end) { }\n    }\n}\n";
        assertTrue(!slow.equals(solution) && slow.split("spinFourTimesAsLong\\(started\\)", -1).length == 4,
                "the slow variant no longer patches the solution's linear layer and both batch-norm modes");
        return slow;
    }

    /** {@code return <result>;} as the result kept in {@code out}, a spin, then {@code return out;}. */
    private static String spinningBeforeReturn(String returnStatement) {
        return "Node out = " + returnStatement.substring("return ".length())
                + "\n        spinFourTimesAsLong(started);\n        return out;";
    }

    @Test
    void aCorrectSubmissionFiveTimesSlowerThanTheSolutionPassesEveryTest() throws Exception {
        GradeReport report = grader.gradeSource(fiveTimesSlowerSolution());
        assertEquals(Verdict.GRADED, report.verdict(), () -> "problems: " + report.problems());
        List<TestOutcome> lost = report.outcomes().stream().filter(o -> o.status() != TestStatus.PASSED).toList();
        assertEquals(List.of(), lost, "a correct submission five times slower than the solution must keep every point");
    }

    /**
     * After a timeout or a crash the rest runs in a fresh test JVM, so any test may be the first of its JVM: the
     * loading of its classes and their first JIT compilations count against its limit, and the slow variant's
     * busy-waiting multiplies them too. Each test here is the only test of its own JVM.
     */
    @Test
    void aCorrectSubmissionFiveTimesSlowerPassesEveryTestAsTheFirstTestOfAFreshTestJvm() throws Exception {
        int tests = grader.plan().size();
        try (Grader eachInItsOwnJvm = new Grader(GraderConfig.builder().workRoot(workRoot).testJvms(tests).build())) {
            GradeReport report = eachInItsOwnJvm.gradeSource(fiveTimesSlowerSolution());
            assertEquals(Verdict.GRADED, report.verdict(), () -> "problems: " + report.problems());
            List<TestOutcome> lost = report.outcomes().stream().filter(o -> o.status() != TestStatus.PASSED).toList();
            assertEquals(List.of(), lost, "a correct submission five times slower than the solution must keep every"
                    + " point even where each test is the first of a fresh JVM; processor times: " + report.testTimes());
            // Each test is its JVM's last, read as the JVM exits: the time the OS then forgets must stay counted.
            assertTrue(report.testTimes().values().stream().noneMatch(Duration::isNegative),
                    "no test takes a negative processor time: " + report.testTimes());
        }
    }

    @Test
    void anEndlessLoopInEvaluationModeCostsEachTestItsOwnLimitOfAboutTheFloor() throws Exception {
        GradeReport report = grader.gradeSource(HiddenTests.KIT.solutionModel().replace(EVAL_FIRST_LINE,
                "for (long spin = 0; spin >= 0; spin = (spin + 1) % 1000) { }\n        " + EVAL_FIRST_LINE));
        List<TestOutcome> timedOut = report.outcomes().stream().filter(o -> o.status() == TestStatus.TIMED_OUT).toList();
        assertTrue(timedOut.size() >= 3, "the tests of evaluation mode should have timed out: " + report.outcomes());
        for (TestOutcome outcome : timedOut) {
            Duration limit = grader.config().timeLimitOf(outcome.test().id());
            // 1.5 s: the training's limit (10 x its 120 ms as a fresh JVM's first test) is the highest.
            assertTrue(limit.compareTo(TimeLimitRule.FLOOR.multipliedBy(3)) <= 0, outcome.test().id()
                    + " may compute for " + limit + ": the reference needs milliseconds, so its limit should be near the floor");
            assertTrue(outcome.message().startsWith("timed out after " + seconds(limit) + " of computing"),
                    "the student should read the test's own limit: " + outcome.message());
        }
        assertTrue(report.outcomes().stream().anyMatch(o -> o.status() == TestStatus.PASSED),
                "the tests of training mode still pass: " + report.outcomes());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
