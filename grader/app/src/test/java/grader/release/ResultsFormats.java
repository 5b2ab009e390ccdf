package grader.release;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Checks a results.json against the platforms' documented formats; each method lists the problems. */
final class ResultsFormats {
    /** Top-level keys of https://gradescope-autograders.readthedocs.io/en/latest/specs/#output-format */
    private static final Set<String> GRADESCOPE_KEYS = Set.of("score", "execution_time", "output", "output_format",
            "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
    private static final Set<String> GRADESCOPE_TEST_KEYS = Set.of("score", "max_score", "status", "name", "name_format",
            "number", "output", "output_format", "tags", "visibility", "extra_data");
    private static final Set<String> GRADESCOPE_VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");
    /** Keys of https://prairielearn.readthedocs.io/en/latest/externalGrading/#grading-results */
    private static final Set<String> PRAIRIELEARN_KEYS = Set.of("gradable", "score", "message", "output", "format_errors", "images", "tests");
    private static final Set<String> PRAIRIELEARN_TEST_KEYS = Set.of("name", "description", "points", "max_points", "message", "output", "images");

    private ResultsFormats() {
    }

    static List<String> gradescopeProblems(JsonObject results) {
        List<String> problems = new ArrayList<>();
        unknownKeys("results", results, GRADESCOPE_KEYS, problems);
        eachTest(results, GRADESCOPE_TEST_KEYS, problems, (where, test) -> {
            if (test.has("score") && test.has("max_score")
                    && test.get("score").getAsDouble() > test.get("max_score").getAsDouble() + 1e-9) {
                problems.add(where + ": score above max_score");
            }
            if (test.has("status") && !Set.of("passed", "failed").contains(test.get("status").getAsString())) {
                problems.add(where + ": status must be passed or failed, got " + test.get("status"));
            }
            if (test.has("visibility") && !GRADESCOPE_VISIBILITIES.contains(test.get("visibility").getAsString())) {
                problems.add(where + ": unknown visibility " + test.get("visibility"));
            }
            if (!test.has("name")) {
                problems.add(where + ": no name");
            }
        });
        boolean everyTestScored = results.has("tests") && results.getAsJsonArray("tests").asList().stream()
                .allMatch(test -> test.getAsJsonObject().has("score"));
        if (!results.has("score") && !everyTestScored) {
            problems.add("score is required unless every test has one");
        }
        for (String visibility : new String[] {"visibility", "stdout_visibility"}) {
            if (results.has(visibility) && !GRADESCOPE_VISIBILITIES.contains(results.get(visibility).getAsString())) {
                problems.add("unknown " + visibility + " " + results.get(visibility));
            }
        }
        return problems;
    }

    static List<String> prairieLearnProblems(JsonObject results) {
        List<String> problems = new ArrayList<>();
        unknownKeys("results", results, PRAIRIELEARN_KEYS, problems);
        boolean gradable = !results.has("gradable") || results.get("gradable").getAsBoolean();
        if (gradable) {
            if (!results.has("score")) {
                problems.add("a gradable result needs a score");
            } else if (results.get("score").getAsDouble() < 0 || results.get("score").getAsDouble() > 1) {
                problems.add("score must be in [0, 1], got " + results.get("score"));
            }
        }
        eachTest(results, PRAIRIELEARN_TEST_KEYS, problems, (where, test) -> {
            if (!test.has("name") || !test.has("points") || !test.has("max_points")) {
                problems.add(where + ": name, points and max_points are needed to render it");
            }
        });
        return problems;
    }

    /** Checks every entry of {@code tests[]}: only documented keys, and whatever else {@code check} adds. */
    private static void eachTest(JsonObject results, Set<String> documented, List<String> problems,
                                 BiConsumer<String, JsonObject> check) {
        if (!results.has("tests")) {
            return;
        }
        int index = 0;
        for (JsonElement element : results.getAsJsonArray("tests")) {
            String where = "tests[" + index++ + "]";
            unknownKeys(where, element.getAsJsonObject(), documented, problems);
            check.accept(where, element.getAsJsonObject());
        }
    }

    private static void unknownKeys(String where, JsonObject object, Set<String> documented, List<String> problems) {
        for (String key : object.keySet()) {
            if (!documented.contains(key)) {
                problems.add(where + ": undocumented key '" + key + "'");
            }
        }
    }
}
