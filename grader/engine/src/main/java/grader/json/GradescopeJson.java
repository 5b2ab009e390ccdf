package grader.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * Gradescope's {@code results.json}, as specified at
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/ ("Output format"): top-level
 * {@code score}, optional {@code execution_time} (seconds), {@code output}, {@code stdout_visibility} and
 * {@code tests[]} with {@code name}, {@code number}, {@code score}, {@code max_score}, {@code status}
 * ("passed"/"failed"), {@code output}, {@code visibility} and {@code tags}.
 *
 * <p>Keys are written in a fixed order and nothing depends on the clock, so the same submission gives
 * the same bytes; {@code execution_time} is therefore only written when asked for.
 */
final class GradescopeJson {
    private GradescopeJson() {}

    static JsonObject of(GradeReport report, boolean withTiming) {
        JsonObject root = new JsonObject();
        root.addProperty("score", report.score());
        if (withTiming) {
            root.addProperty("execution_time", Math.max(1, Math.round(report.testTime().toMillis() / 1000.0)));
        }
        root.addProperty("output", Feedback.overall(report));
        // The autograder's stdout holds the student's printouts and the full text report: staff only.
        root.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        Map<Integer, Integer> numberInExercise = new HashMap<>();
        for (TestOutcome outcome : report.outcomes()) {
            PlannedTest test = outcome.test();
            JsonObject json = new JsonObject();
            json.addProperty("name", test.displayName());
            json.addProperty("number", test.exercise() + "." + numberInExercise.merge(test.exercise(), 1, Integer::sum));
            json.addProperty("score", outcome.score());
            json.addProperty("max_score", test.points());
            json.addProperty("status", outcome.status() == TestStatus.PASSED ? "passed" : "failed");
            json.addProperty("output", (Feedback.result(outcome) + "\n" + Feedback.hint(outcome)).strip());
            json.addProperty("visibility", test.visibility().gradescopeName());
            JsonArray tags = new JsonArray();
            tags.add("exercise " + test.exercise());
            if (outcome.status() != TestStatus.PASSED && outcome.status() != TestStatus.FAILED) {
                tags.add(outcome.status().words());
            }
            json.add("tags", tags);
            tests.add(json);
        }
        root.add("tests", tests);
        if (!report.isolation().isEmpty()) {
            // How the test JVMs were isolated (bubblewrap, or why not): for staff, e.g. through Gradescope's API.
            JsonObject extra = new JsonObject();
            extra.addProperty("sandbox", report.isolation());
            root.add("extra_data", extra);
        }
        return root;
    }
}
