package grader.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import grader.report.Verdict;
import grader.rubric.LikelyCause;
import grader.rubric.Visibility;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one test says to the student: one voice, the diagnosis before the rubric's generic hint. */
class FeedbackTest {
    private static final PlannedTest CONSTANT = new PlannedTest("grader.hidden.Ex2Test", "constantFeature",
            "a constant feature gives beta", 4, "add EPSILON to the variance before the square root", 2, Visibility.VISIBLE);

    @Test
    void aDiagnosedFailureShowsTheDiagnosisAsTheHintAndNotTheGenericOne() {
        TestOutcome outcome = new TestOutcome(CONSTANT, TestStatus.FAILED, "a constant feature should give beta (0.5) in "
                + "every row, got 0 in row 0. " + LikelyCause.of("beta is missing: add beta after multiplying by gamma."));
        assertEquals("Failed: a constant feature should give beta (0.5) in every row, got 0 in row 0.", Feedback.result(outcome));
        assertEquals("Hint: beta is missing: add beta after multiplying by gamma.", Feedback.hint(outcome));
    }

    @Test
    void aFailureWithoutADiagnosisShowsTheRubricsHint() {
        TestOutcome outcome = new TestOutcome(CONSTANT, TestStatus.FAILED, "got NaN in row 3.");
        assertEquals("Failed: got NaN in row 3.", Feedback.result(outcome));
        assertEquals("Hint: add EPSILON to the variance before the square root", Feedback.hint(outcome));
    }

    @Test
    void notesFollowTheSummaryWhateverTheVerdict() {
        GradeReport graded = new GradeReport(Verdict.GRADED, List.of(), List.of(new TestOutcome(CONSTANT, TestStatus.PASSED, "")),
                GradeReport.Console.EMPTY, Duration.ZERO).withNote("Note: read as Windows-1252.");
        assertEquals("Score: 4 / 4 (1 of 1 tests passed)\n\nNote: read as Windows-1252.", Feedback.overall(graded));
        GradeReport notCompiling = GradeReport.withoutTests(Verdict.COMPILE_ERROR, List.of("Model.java:3: error: ';' expected"),
                List.of(CONSTANT), "not run").withNote("Note: read as Windows-1252.");
        assertEquals("Score: 0 / 4: your code does not compile, so no test could run.\n\nThe compiler says:\n\n"
                + "Model.java:3: error: ';' expected\n\nNote: read as Windows-1252.", Feedback.overall(notCompiling));
    }
}
