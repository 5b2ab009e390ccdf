package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import grader.common.GraderConfig;
import grader.json.Feedback;
import grader.mutants.Mutant;
import grader.mutants.MutantCatalog;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student who left out beta reads one voice: the diagnosis as the hint, no contradicting generic hint. */
class FeedbackVoiceTest {
    @TempDir
    Path workRoot;

    @Test
    void leavingOutBetaIsTheHintOfTheConstantFeatureTestNotTheEpsilonHint() throws Exception {
        Mutant betaLeftOut = MutantCatalog.bundled().orElseThrow().stream()
                .filter(mutant -> mutant.name().equals("beta-left-out")).findFirst().orElseThrow();
        GradeReport report;
        try (Grader grader = new Grader(GraderConfig.builder().workRoot(workRoot).build())) {
            report = grader.gradeSource(betaLeftOut.apply(HiddenTests.KIT.solutionModel()));
        }
        TestOutcome constant = report.outcomes().stream()
                .filter(outcome -> outcome.test().id().equals("Ex2BatchNormTest#constantFeatureGivesFiniteOutput"))
                .findFirst().orElseThrow();
        assertEquals(TestStatus.FAILED, constant.status());
        assertEquals("Hint: beta is missing: add beta after multiplying by gamma.", Feedback.hint(constant));
        assertFalse(Feedback.result(constant).contains("Likely cause"), Feedback.result(constant));
        for (TestOutcome outcome : report.outcomes()) {
            assertFalse(outcome.message().contains("expected: <true> but was: <false>"), outcome::message);
            assertFalse(outcome.message().contains("expected: <false> but was: <true>"), outcome::message);
        }
    }
}
