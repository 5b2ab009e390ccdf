package grader.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import grader.report.Verdict;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Gradescope's {@code results.json}, as specified at
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/ ("Output format"; source
 * gradescope/autograder_samples docs/specs.md): top-level {@code score}, optional {@code execution_time}
 * (seconds), {@code output}, {@code output_format}, {@code test_output_format}, {@code stdout_visibility},
 * {@code extra_data} and {@code tests[]} with {@code name}, {@code number}, {@code score}, {@code max_score},
 * {@code status} ("passed"/"failed"), {@code output}, {@code output_format}, {@code visibility} and
 * {@code tags}.
 *
 * <p>Formats ("Output String Formatting"): without {@code output_format} the top-level output is
 * {@code simple_format}, HTML that eats {@code List<Node>}, {@code <true>} and javac's caret lines. So the
 * top level is {@code md} with compiler messages in a fenced block, and the tests are {@code text}
 * (their messages are plain sentences with code in them), except the first one, below.
 *
 * <p>The first test is a status-only pre-check, "Compiles and uses only the allowed APIs", always visible
 * (the spec's "Test case status" and "Controlling Test Case Visibility" suggest exactly such a check), so a
 * student whose every test shows 0 sees at once why.
 *
 * <p>Keys are written in a fixed order and nothing depends on the clock, so the same submission gives
 * the same bytes; {@code execution_time} is therefore only written when asked for.
 */
final class GradescopeJson {
    static final String PRE_CHECK = "Compiles and uses only the allowed APIs";

    private GradescopeJson() {}

    static JsonObject of(GradeReport report, boolean withTiming) {
        JsonObject root = new JsonObject();
        root.addProperty("score", report.score());
        if (withTiming) {
            root.addProperty("execution_time", Math.max(1, Math.round(report.testTime().toMillis() / 1000.0)));
        }
        root.addProperty("output", overall(report));
        root.addProperty("output_format", "md");
        root.addProperty("test_output_format", "text");
        // The autograder's stdout holds the student's printouts and the full text report: staff only.
        root.addProperty("stdout_visibility", "hidden");
        JsonObject extra = new JsonObject();
        extra.addProperty("grader_version", GraderVersion.current());
        extra.addProperty("verdict", report.verdict().name().toLowerCase(Locale.ROOT));
        if (!report.isolation().isEmpty()) {
            // How the test JVMs were isolated (bubblewrap, or why not): for staff, e.g. through Gradescope's API.
            extra.addProperty("sandbox", report.isolation());
        }
        root.add("extra_data", extra);
        JsonArray tests = new JsonArray();
        tests.add(preCheck(report));
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
        return root;
    }

    /** The headline, then the problems (compiler messages, forbidden uses) as a fenced block. */
    private static String overall(GradeReport report) {
        StringBuilder text = new StringBuilder(Feedback.headline(report));
        if (!report.problems().isEmpty()) {
            String intro = Feedback.problemsIntro(report).strip();
            text.append("\n\n").append(intro.isEmpty() ? "" : intro + "\n\n")
                    .append(Markdown.fenced(String.join("\n\n", report.problems())));
        }
        report.notes().forEach(note -> text.append("\n\n").append(note));
        return text.toString();
    }

    /** Passed or failed, no points: whether the tests below could run at all. */
    private static JsonObject preCheck(GradeReport report) {
        JsonObject json = new JsonObject();
        json.addProperty("name", PRE_CHECK);
        json.addProperty("number", "0");
        boolean passed = report.verdict() == Verdict.GRADED;
        json.addProperty("status", passed ? "passed" : "failed");
        json.addProperty("output", passed ? "Your code compiles and uses only the allowed APIs, so the tests below ran."
                : overall(report));
        json.addProperty("output_format", "md");
        json.addProperty("visibility", "visible");
        return json;
    }
}
