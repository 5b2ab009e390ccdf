package grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixture.Submissions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Submissions that attack the test JVM: each misbehaves in the second probe only, so that probe must
 * end as timed out or crashed while the first and third keep their points (1 + 4 of 7).
 */
class HostileSubmissionTest {
    @TempDir
    static Path workRoot;
    private static Grader grader;
    private static Grader graderWithoutStaticCheck;

    @BeforeAll
    static void startGraders() throws Exception {
        grader = new Grader(Submissions.config(workRoot).build());
        graderWithoutStaticCheck = new Grader(Submissions.config(workRoot).staticCheck(false).build());
    }

    @AfterAll
    static void closeGraders() {
        grader.close();
        graderWithoutStaticCheck.close();
    }

    @ParameterizedTest(name = "{0} costs only the test it happens in")
    @CsvSource(delimiter = '|', textBlock = """
            an endless loop  | endless-loop  | TIMED_OUT | timed out after 3 s
            waiting forever  | wait-forever  | TIMED_OUT | timed out while waiting
            System.exit      | system-exit   | CRASHED   | exit code 0
            running out of memory | out-of-memory | CRASHED | out of memory (the limit is 64m)
            a stack overflow | stack-overflow | CRASHED  | stack overflow
            """)
    void aRunawayCostsOnlyTheTestItHappensIn(String what, String submission, TestStatus status, String reason)
            throws Exception {
        // System.exit is refused by the static check, so it can only be reached with the check off.
        Grader graderFor = submission.equals("system-exit") ? graderWithoutStaticCheck : grader;
        assertSecondProbeLost(graderFor.gradeSource(Submissions.named(submission)), status, reason);
    }

    @Test
    void aWaitForeverIsStoppedOnceTheTestJvmSeesItStuckNotAfterItsLimit() throws Exception {
        try (Grader patient = new Grader(Submissions.config(workRoot)
                .timeouts(Duration.ofSeconds(60), Duration.ofSeconds(120)).build())) {
            long start = System.nanoTime();
            GradeReport report = patient.gradeSource(Submissions.named("wait-forever"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertSecondProbeLost(report, TestStatus.TIMED_OUT, "timed out while waiting");
            // The parent's clocks alone would have waited out the 60 s limit (TestClock); the child's watch saw the
            // only thread wait() with nothing left to wake it.
            assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "stopped long before its 60 s limit, took " + took);
        }
    }

    @Test
    void floodingStdoutIsCappedAndCostsOnlyThatTest() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.named("stdout-flood"));
        // Computing, whether the parent keeps up with the flood or the child blocks on its full pipe (TestClock).
        assertSecondProbeLost(report, TestStatus.TIMED_OUT, "of computing");
        assertTrue(report.console().totalBytes() > 1_000_000,
                "the flood should have been drained, not blocked: " + report.console().totalBytes() + " bytes");
        assertTrue(report.console().text().length() <= 64 * 1024, "kept console text must be capped");
    }

    @Test
    void printingFakeResultsChangesNothing() throws Exception {
        GradeReport report = grader.gradeSource(Submissions.named("fake-results"));
        assertEquals(Verdict.GRADED, report.verdict());
        assertEquals(0.0, report.score(), "every probe fails on the 1 x 1 output, whatever was printed");
        assertTrue(report.outcomes().stream().allMatch(o -> o.status() == TestStatus.FAILED),
                "all probes should fail: " + report.outcomes());
        assertTrue(report.console().text().contains("\"score\": 100.0"), "the fake JSON is only console text");
    }

    private static void assertSecondProbeLost(GradeReport report, TestStatus status, String reason) {
        assertEquals(Verdict.GRADED, report.verdict(), () -> "problems: " + report.problems());
        List<TestOutcome> outcomes = report.outcomes();
        assertEquals(List.of("ProbeTest#probeOne", "ProbeTest#probeThree", "ProbeTest#probeTwo"),
                outcomes.stream().map(o -> o.test().id()).toList(), "plan order: class, then method name");
        assertEquals(TestStatus.PASSED, outcomes.get(0).status(), () -> "probe one: " + outcomes.get(0));
        assertEquals(TestStatus.PASSED, outcomes.get(1).status(), () -> "probe three: " + outcomes.get(1));
        assertEquals(status, outcomes.get(2).status(), () -> "probe two: " + outcomes.get(2));
        assertTrue(outcomes.get(2).message().contains(reason),
                () -> "probe two's message should say \"" + reason + "\": " + outcomes.get(2).message());
        assertEquals(5.0, report.score(), "probes one and three keep their 1 + 4 points");
        assertEquals(7.0, report.maxScore());
    }
}
