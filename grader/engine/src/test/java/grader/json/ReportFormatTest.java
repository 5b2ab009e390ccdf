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
        assertEquals(List.of("score", "output", "output_format", "test_output_format", "stdout_visibility", "extra_data", "tests"),
                List.copyOf(json.keySet()));
        assertEquals(5.0, json.get("score").getAsDouble());
        assertEquals(3, json.getAsJsonArray("tests").size(), "the pre-check, then one entry per planned test");
        JsonObject second = json.getAsJsonArray("tests").get(2).getAsJsonObject();
        assertEquals(List.of("name", "number", "score", "max_score", "status", "output", "visibility", "tags"),
                List.copyOf(second.keySet()));
        assertEquals("3.1", second.get("number").getAsString());
        assertEquals("failed", second.get("status").getAsString(), "Gradescope knows passed and failed only");
        assertEquals("hidden", second.get("visibility").getAsString());
        assertEquals("[\"exercise 3\",\"timed out\"]", second.get("tags").toString());
        assertEquals("timed out after 20 s\nHint: read the running-average formula", second.get("output").getAsString());
    }

    @Test
    void gradescopeRendersTheSummaryAsMarkdownAndTheTestsAsPlainText() {
        JsonObject json = parse(ReportFormat.GRADESCOPE.render(GRADED, false));
        // without output_format, Gradescope renders the summary as simple_format (HTML): List<Node> would vanish
        assertEquals("md", json.get("output_format").getAsString());
        assertEquals("text", json.get("test_output_format").getAsString());
    }

    @Test
    void gradescopeFencesTheCompilerMessagesSoAngleBracketsAndCaretsSurvive() {
        String message = "Model.java:3: error: incompatible types: List<Node> cannot be converted to Node\n"
                + "        return nodes;\n               ^";
        GradeReport report = GradeReport.withoutTests(Verdict.COMPILE_ERROR, List.of(message), List.of(MEAN, SECRET),
                "not run: the code does not compile");
        JsonObject json = parse(ReportFormat.GRADESCOPE.render(report, false));
        String output = json.get("output").getAsString();
        assertTrue(output.startsWith("Score: 0 / 7.5: your code does not compile"), output);
        assertTrue(output.contains("The compiler says:\n\n```text\n" + message + "\n```"), output);
        JsonObject preCheck = json.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("md", preCheck.get("output_format").getAsString(), "the pre-check's fenced block must be rendered");
        assertEquals(output, preCheck.get("output").getAsString(), "the pre-check says why every test is 0");
    }

    @Test
    void aFenceIsLongerThanAnyRunOfBackticksInTheMessage() {
        assertEquals("````text\nuse ``` here\n````", Markdown.fenced("use ``` here"));
    }

    @Test
    void gradescopesFirstTestIsAVisibleStatusOnlyPreCheck() {
        JsonObject passed = parse(ReportFormat.GRADESCOPE.render(GRADED, false)).getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals(List.of("name", "number", "status", "output", "output_format", "visibility"), List.copyOf(passed.keySet()),
                "no score or max_score: status only");
        assertEquals("Compiles and uses only the allowed APIs", passed.get("name").getAsString());
        assertEquals("passed", passed.get("status").getAsString());
        assertEquals("visible", passed.get("visibility").getAsString());
        JsonObject failed = parse(ReportFormat.GRADESCOPE.render(NOT_COMPILING, false)).getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("failed", failed.get("status").getAsString());
        GradeReport forbidden = GradeReport.withoutTests(Verdict.FORBIDDEN_API, List.of("Model.java:9: java.io.File is not allowed"),
                List.of(MEAN), "not run: forbidden API");
        JsonObject forbiddenCheck = parse(ReportFormat.GRADESCOPE.render(forbidden, false)).getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("failed", forbiddenCheck.get("status").getAsString());
        assertTrue(forbiddenCheck.get("output").getAsString().contains("Remove these uses and submit again:\n\n```text\n"
                + "Model.java:9: java.io.File is not allowed\n```"), forbiddenCheck.toString());
    }

    @Test
    void gradescopeExtraDataCarriesTheGraderVersionAndTheVerdict() {
        JsonObject extra = parse(ReportFormat.GRADESCOPE.render(NOT_COMPILING, false)).getAsJsonObject("extra_data");
        assertEquals(GraderVersion.current(), extra.get("grader_version").getAsString());
        assertTrue(extra.get("grader_version").getAsString().matches("\\d+\\.\\d+\\.\\d+.*"),
                "the build writes the version into grader/version.properties: " + extra);
        assertEquals("compile_error", extra.get("verdict").getAsString());
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
