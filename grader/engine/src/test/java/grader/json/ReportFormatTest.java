package grader.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import grader.report.Verdict;
import grader.rubric.Visibility;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON keys and values each platform documents (links in GradescopeJson and PrairieLearnJson). */
class ReportFormatTest {
    private static final PlannedTest MEAN = new PlannedTest("grader.hidden.Ex2Test", "meanIsBeta", "mean equals beta",
            5, "subtract the batch mean", 2, Visibility.VISIBLE);
    private static final PlannedTest SECRET = new PlannedTest("grader.hidden.Ex3Test", "secret", "a hidden check",
            2.5, "read the running-average formula", 3, Visibility.HIDDEN);

    private static final GradeReport GRADED = new GradeReport(Verdict.GRADED, List.of(), List.of(
            new TestOutcome(MEAN, TestStatus.PASSED, ""),
            new TestOutcome(SECRET, TestStatus.TIMED_OUT, "timed out after 20 s")),
            GradeReport.Console.EMPTY, Duration.ofMillis(1500));

    private static final GradeReport NOT_COMPILING = GradeReport.withoutTests(Verdict.COMPILE_ERROR,
            List.of("Model.java:3: error: ';' expected"), List.of(MEAN, SECRET), "not run: the code does not compile");

    @Test
    void gradescopeHasTheDocumentedKeysInAFixedOrder() {
        JsonObject json = parse(ReportFormat.GRADESCOPE.render(GRADED, false));
        assertEquals(List.of("score", "output", "stdout_visibility", "tests"), List.copyOf(json.keySet()));
        assertEquals(5.0, json.get("score").getAsDouble());
        JsonObject second = json.getAsJsonArray("tests").get(1).getAsJsonObject();
        assertEquals(List.of("name", "number", "score", "max_score", "status", "output", "visibility", "tags"),
                List.copyOf(second.keySet()));
        assertEquals("3.1", second.get("number").getAsString());
        assertEquals("failed", second.get("status").getAsString(), "Gradescope knows passed and failed only");
        assertEquals("hidden", second.get("visibility").getAsString());
        assertEquals("[\"exercise 3\",\"timed out\"]", second.get("tags").toString());
        assertEquals("timed out after 20 s\nHint: read the running-average formula", second.get("output").getAsString());
    }

    @Test
    void gradescopeExecutionTimeIsOnlyWrittenWhenAskedFor() {
        JsonObject json = parse(ReportFormat.GRADESCOPE.render(GRADED, true));
        assertEquals(2, json.get("execution_time").getAsInt(), "1.5 s rounds to 2 whole seconds");
    }

    @Test
    void prairieLearnScoresAFractionAndHidesHiddenTestDetails() {
        JsonObject json = parse(ReportFormat.PRAIRIELEARN.render(GRADED, false));
        assertEquals(List.of("gradable", "score", "format_errors", "message", "output", "tests"), List.copyOf(json.keySet()));
        assertTrue(json.get("gradable").getAsBoolean());
        assertEquals(5.0 / 7.5, json.get("score").getAsDouble(), 1e-6);
        JsonObject hidden = json.getAsJsonArray("tests").get(1).getAsJsonObject();
        assertEquals(List.of("name", "description", "points", "max_points", "message", "output"), List.copyOf(hidden.keySet()));
        assertEquals("Not passed (details of this test are hidden).", hidden.get("message").getAsString());
    }

    @Test
    void prairieLearnMarksANonCompilingSubmissionUngradableWithTheCompilerMessages() {
        JsonObject json = parse(ReportFormat.PRAIRIELEARN.render(NOT_COMPILING, false));
        assertEquals(false, json.get("gradable").getAsBoolean(), "a compile error must cost no attempt");
        assertEquals("[\"Model.java:3: error: ';' expected\"]", json.get("format_errors").toString());
        assertEquals(0.0, json.get("score").getAsDouble());
    }

    @Test
    void theTextReportShowsScoreStatusHintAndNothingElseForPassedTests() {
        String text = ReportFormat.TEXT.render(GRADED, false);
        assertTrue(text.startsWith("Score: 5 / 7.5 (1 of 2 tests passed)"), text);
        assertTrue(text.contains("TIMED OUT     0/2.5  Ex3  a hidden check"), text);
        assertTrue(text.contains("Hint: read the running-average formula"), text);
    }

    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
