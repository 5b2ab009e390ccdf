package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.report.Misconception;
import grader.report.PlannedTest;
import grader.rubric.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the class got wrong: misconceptions counted per submission in summary.json, ranked in the report. */
class ClassMisconceptionsTest {
    private static final PlannedTest MEAN = new PlannedTest("grader.hidden.Ex2BatchNormTest", "meanIsBeta",
            "output mean equals beta", 5, "add beta", 2, Visibility.VISIBLE);
    private static final PlannedTest EPSILON = new PlannedTest("grader.hidden.Ex2BatchNormTest", "constantFeature",
            "a constant feature gives a finite output equal to beta (EPSILON in the square root), for every one of many "
                    + "batch sizes that a careful student might try", 5, "add EPSILON", 2, Visibility.VISIBLE);
    private static final List<PlannedTest> PLAN = List.of(MEAN, EPSILON);
    private static final Misconception BETA = new Misconception("beta-missing", "never adds beta");
    private static final Misconception NO_EPSILON = new Misconception("no-epsilon", "leaves EPSILON out");

    private static BatchRecord.TestResult result(PlannedTest test, Misconception misconception) {
        return misconception == null
                ? new BatchRecord.TestResult(test.id(), test.displayName(), "passed", test.points(), test.points(), "", null)
                : new BatchRecord.TestResult(test.id(), test.displayName(), "failed", 0, test.points(), test.hint(), misconception);
    }

    private static BatchRecord record(String id, BatchRecord.TestResult... tests) {
        double score = java.util.Arrays.stream(tests).mapToDouble(BatchRecord.TestResult::points).sum();
        return new BatchRecord(id, "", "FOLDER", "s", "g", "GRADED", score, 10, 1, List.of(), List.of(tests));
    }

    /** Beta missing in three submissions (named by both tests in one of them), EPSILON left out in one. */
    private static final List<BatchRecord> RECORDS = List.of(
            record("dora", result(MEAN, BETA), result(EPSILON, BETA)),
            record("carl", result(MEAN, null), result(EPSILON, NO_EPSILON)),
            record("bea", result(MEAN, BETA), result(EPSILON, null)),
            record("al", result(MEAN, BETA), result(EPSILON, null)),
            record("eve", result(MEAN, null), result(EPSILON, null)));

    @Test
    void eachMisconceptionCountsItsSubmissionsOnceMostStudentsFirst() {
        ClassSummary summary = ClassSummary.of(PLAN, RECORDS);

        assertEquals(List.of(
                        new ClassSummary.MisconceptionCount("beta-missing", "never adds beta", 3, "al",
                                List.of(MEAN.id(), EPSILON.id())),
                        new ClassSummary.MisconceptionCount("no-epsilon", "leaves EPSILON out", 1, "carl", List.of(EPSILON.id()))),
                summary.misconceptions(), "dora counts once for beta; the example is the first submission by id");
    }

    @Test
    void summaryJsonListsIdDescriptionStudentsAndAnExample() {
        JsonObject first = JsonParser.parseString(ClassSummary.of(PLAN, RECORDS).toJson()).getAsJsonObject()
                .getAsJsonArray("misconceptions").get(0).getAsJsonObject();

        assertEquals("beta-missing", first.get("id").getAsString(), "id");
        assertEquals("never adds beta", first.get("description").getAsString(), "description");
        assertEquals(3, first.get("students").getAsInt(), "students");
        assertEquals("al", first.get("example").getAsString(), "example submission");
    }

    @Test
    void theReportRanksThemAboveThePerTestChartWhichShowsDisplayNames() {
        String html = HtmlReport.of(ClassSummary.of(PLAN, RECORDS), List.of(), 0.8);

        int wrong = html.indexOf("<h2>What the class got wrong</h2>");
        int rates = html.indexOf("<h2>Pass rate per test</h2>");
        assertTrue(wrong > 0 && wrong < rates, "the misconceptions come before the pass rates");
        assertTrue(html.indexOf("<td>beta-missing</td>") < html.indexOf("<td>no-epsilon</td>"), "ranked by students");
        assertTrue(html.contains("<td class=\"num\">3</td><td>60%</td><td>beta-missing</td><td>never adds beta</td>"
                + "<td>output mean equals beta (and 1 more)</td><td>al</td>"), "students, share, id, description, tests, example: " + html);
        String chart = html.substring(rates);
        assertTrue(chart.contains(">output mean equals beta</text>"), "the bar is labelled with the display name");
        assertTrue(!chart.contains(">Ex2BatchNormTest#meanIsBeta</text>"), "not with the method id");
        assertTrue(chart.contains(">a constant feature gives a finite output equal to beta (EPSILON in the square\u2026</text>"),
                "a long name is cut after a word to fit, with an ellipsis");
        assertTrue(chart.contains("(Ex2BatchNormTest#constantFeature): 3 passed</title>"), "the id stays in the tooltip");
    }
}
