package grader.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.report.GradeReport;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import grader.rubric.Visibility;

/**
 * PrairieLearn's external-grader {@code results.json}, as specified at
 * https://prairielearn.readthedocs.io/en/latest/externalGrading/ ("Grading results"): {@code gradable},
 * {@code score} between 0 and 1, {@code format_errors}, {@code message}, {@code output} and {@code tests[]}
 * with {@code name}, {@code description}, {@code points}, {@code max_points}, {@code message} and
 * {@code output}. A submission that does not compile (or is refused) is {@code gradable: false} with the
 * reasons in {@code format_errors}: PrairieLearn then charges no attempt.
 *
 * <p>PrairieLearn shows every test to the student, so a test marked hidden in the rubric shows only
 * whether it passed.
 */
final class PrairieLearnJson {
    private PrairieLearnJson() {}

    static JsonObject of(GradeReport report) {
        JsonObject root = new JsonObject();
        boolean gradable = report.verdict().countsAsAttempt();
        root.addProperty("gradable", gradable);
        double fraction = report.maxScore() == 0 ? 0 : report.score() / report.maxScore();
        root.addProperty("score", Math.round(fraction * 1e6) / 1e6);
        JsonArray formatErrors = new JsonArray();
        if (!gradable) {
            report.problems().forEach(formatErrors::add);
        }
        root.add("format_errors", formatErrors);
        root.addProperty("message", Feedback.headline(report));
        root.addProperty("output", Feedback.overall(report));
        JsonArray tests = new JsonArray();
        for (TestOutcome outcome : report.outcomes()) {
            boolean hidden = outcome.test().visibility() != Visibility.VISIBLE;
            JsonObject json = new JsonObject();
            json.addProperty("name", outcome.test().displayName());
            json.addProperty("description", "Exercise " + outcome.test().exercise());
            json.addProperty("points", outcome.score());
            json.addProperty("max_points", outcome.test().points());
            json.addProperty("message", hidden ? hiddenResult(outcome) : Feedback.result(outcome));
            json.addProperty("output", hidden ? "" : Feedback.hint(outcome));
            tests.add(json);
        }
        root.add("tests", tests);
        return root;
    }

    private static String hiddenResult(TestOutcome outcome) {
        return outcome.status() == TestStatus.PASSED ? "Passed." : "Not passed (details of this test are hidden).";
    }
}
