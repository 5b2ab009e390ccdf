package grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.compile.SourceCompiler;
import grader.fixture.Submissions;
import grader.report.GradeReport;
import grader.report.TestStatus;
import grader.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compiler that fails on a submission gives a graded result, never an exception out of the grader. */
class CompilerFailureTest {
    @TempDir
    Path workRoot;

    @Test
    void javacRunningOutOfStackIsACompileErrorWithScoreZeroAndEveryTestNotRun() throws Exception {
        String deep = Submissions.modelRunning("int deep = " + "(".repeat(6000) + "1" + ")".repeat(6000) + ";");
        try (Grader grader = new Grader(Submissions.config(workRoot).build(),
                new SourceCompiler.Limits(1L << 20, Duration.ofMinutes(1)))) {
            GradeReport report = grader.gradeSource(deep);
            assertEquals(Verdict.COMPILE_ERROR, report.verdict());
            assertEquals(0.0, report.score());
            assertEquals(7.0, report.maxScore(), "the plan is known although nothing compiled");
            assertTrue(report.outcomes().stream().allMatch(o -> o.status() == TestStatus.NOT_RUN), () -> "" + report.outcomes());
            assertTrue(report.problems().get(0).startsWith("Model.java: the Java compiler itself failed on this file "
                    + "(StackOverflowError)"), () -> "" + report.problems());
            assertTrue(grader.gradeSource(Submissions.solution()).fullMarks(), "the grader goes on grading");
        }
    }

    @Test
    void aLowerCaseModelJavaIsGraded() throws Exception {
        Path submission = Files.createDirectories(workRoot.resolve("submission"));
        Files.writeString(submission.resolve("model.java"), Submissions.solution());
        try (Grader grader = new Grader(Submissions.config(workRoot).build())) {
            GradeReport report = grader.grade(submission);
            assertTrue(report.fullMarks(), () -> report.problems() + " " + report.outcomes());
            assertTrue(grader.grade(submission.resolve("model.java")).fullMarks(), "the file on its own too");
        }
    }
}
