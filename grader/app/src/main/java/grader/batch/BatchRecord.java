package grader.batch;

import grader.json.Feedback;
import grader.report.GradeReport;
import grader.report.Misconception;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import java.util.List;

/**
 * What {@code grade-all} keeps about one graded submission, next to its JSON: enough to skip it on the
 * next run (the hashes) and to build the class's CSV, summary and report without grading it again.
 *
 * @param sourceHash  {@link ContentHash} of the submission when it was graded
 * @param graderHash  {@link BatchRunner#graderFingerprint} of the grader that graded it
 * @param verdict     the grader's verdict, or {@code INTERNAL_ERROR} when the grader itself failed (retried
 *                    on the next run)
 * @param problems    why the submission was not graded, one line each; empty when it was
 * @param seconds     wall time spent grading it
 */
public record BatchRecord(String id, String name, String layout, String sourceHash, String graderHash,
                          String verdict, double score, double maxScore, double seconds, List<String> problems,
                          List<TestResult> tests) {

    /** The verdict of a submission the grader could not grade because of its own failure. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /**
     * One hidden test's result for this submission.
     *
     * @param hint          the rubric's hint when the test ran and missed, else empty
     * @param misconception what the test diagnosed when it failed, else null (also in records of older graders)
     */
    public record TestResult(String id, String displayName, String status, double points, double maxPoints,
                             String hint, Misconception misconception) {}

    public BatchRecord {
        problems = List.copyOf(problems);
        tests = List.copyOf(tests);
    }

    static BatchRecord of(Submission submission, String sourceHash, String graderHash, GradeReport report,
                          String verdict, double seconds) {
        List<TestResult> tests = report.outcomes().stream().map(BatchRecord::resultOf).toList();
        return new BatchRecord(submission.id(), submission.name(), submission.layout().name(), sourceHash, graderHash,
                verdict, report.score(), report.maxScore(), seconds, report.problems(), tests);
    }

    private static TestResult resultOf(TestOutcome outcome) {
        String hint = Feedback.hint(outcome).replaceFirst("^Hint: ", "");
        return new TestResult(outcome.test().id(), outcome.test().displayName(), outcome.status().words(),
                outcome.score(), outcome.test().points(), hint, outcome.misconception());
    }

    /** True when the hidden tests ran (whatever they found). */
    public boolean graded() {
        return "GRADED".equals(verdict);
    }

    public boolean passed(TestResult test) {
        return TestStatus.PASSED.words().equals(test.status());
    }

    /** The first problem, for tables: why the submission scored 0 without its tests. */
    public String reason() {
        return problems.isEmpty() ? "" : problems.get(0).lines().findFirst().orElse("");
    }
}
