package grader.batch;

import grader.json.Feedback;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code changes.csv}: the regrade report. For every submission graded again since the previous run into
 * the same OUTDIR (its content or the grader changed, or {@code --force}), the old and new score and each
 * test whose outcome changed, when anything did. After fixing a hidden test mid-term this is the list of
 * students to tell; a platform that cannot regrade external-grader questions (PrairieLearn) needs it most.
 */
final class ScoreChanges {
    static final String FILE_NAME = "changes.csv";
    static final List<String> COLUMNS = List.of("id", "name", "old_score", "new_score", "changed_tests", "cause");

    /**
     * One submission whose result changed.
     *
     * @param changedTests one entry per test, {@code <test id>: <old status> -> <new status>}, in rubric order
     * @param cause        {@code submission changed}, {@code grader changed}, {@code submission and grader changed}
     *                     or {@code graded again}
     */
    record Change(String id, String name, double oldScore, double newScore, List<String> changedTests, String cause) {}

    private ScoreChanges() {}

    /** What changed in this run, or null when nothing was graded into this folder before (no previous run to compare). */
    static List<Change> of(BatchRunner.Outcome outcome) {
        return outcome.previous().isEmpty() ? null : between(outcome.previous(), outcome.records());
    }

    /** The changes of {@code current} against the records of the previous run, by id; in {@code current}'s order. */
    static List<Change> between(Map<String, BatchRecord> previous, List<BatchRecord> current) {
        List<Change> changes = new ArrayList<>();
        for (BatchRecord now : current) {
            BatchRecord before = previous.get(now.id());
            if (before == null || before.equals(now)) {
                continue;
            }
            List<String> tests = changedTests(before, now);
            if (!tests.isEmpty() || before.score() != now.score() || !before.verdict().equals(now.verdict())) {
                changes.add(new Change(now.id(), now.name(), before.score(), now.score(), tests, cause(before, now)));
            }
        }
        return changes;
    }

    static String csv(List<Change> changes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Change change : changes) {
            rows.add(List.of(change.id(), change.name(), Feedback.points(change.oldScore()), Feedback.points(change.newScore()),
                    String.join("; ", change.changedTests()), change.cause()));
        }
        // Quoted as grades.csv is: names come from the submissions, and the file is opened in spreadsheets.
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(String.join(",", row.stream().map(GradesCsv::quoted).toList())).append("\r\n"));
        return text.toString();
    }

    private static List<String> changedTests(BatchRecord before, BatchRecord now) {
        Map<String, String> old = new LinkedHashMap<>();
        before.tests().forEach(test -> old.put(test.id(), test.status()));
        List<String> changed = new ArrayList<>();
        for (BatchRecord.TestResult test : now.tests()) {
            String was = old.remove(test.id());
            if (was == null) {
                changed.add(test.id() + ": new test, " + test.status());
            } else if (!was.equals(test.status())) {
                changed.add(test.id() + ": " + was + " -> " + test.status());
            }
        }
        old.keySet().forEach(id -> changed.add(id + ": test removed"));
        return changed;
    }

    private static String cause(BatchRecord before, BatchRecord now) {
        boolean submission = !before.sourceHash().equals(now.sourceHash());
        boolean grader = !before.graderHash().equals(now.graderHash());
        return submission && grader ? "submission and grader changed" : submission ? "submission changed"
                : grader ? "grader changed" : "graded again";
    }
}
