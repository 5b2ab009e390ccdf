package grader.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the grader found out about one submission; the JSON and text formats are views of it.
 *
 * @param verdict  what became of the submission
 * @param problems for a refused, non-compiling or forbidden submission, one line per problem (file:line:
 *                 message), else empty
 * @param outcomes one per planned test, in rubric order
 * @param console  the first bytes the student's code printed (stdout and stderr), for humans only
 * @param testTime wall time of the test run, excluding compilation; never written to JSON by default
 * @param isolation how the test JVMs were isolated ({@code grader.sandbox.Sandbox#describe}: {@code bubblewrap},
 *                  or why not), empty if none ran
 * @param notes    what the student should know whatever the verdict, e.g. how the file's encoding was read
 * @param testTimes each finished test's time as its limit counts it (for measuring the reference solution);
 *                  never written to JSON
 */
public record GradeReport(Verdict verdict, List<String> problems, List<TestOutcome> outcomes, Console console,
                          Duration testTime, String isolation, List<String> notes, Map<String, Duration> testTimes) {

    /** What the child JVM printed, capped. {@code totalBytes} counts everything, shown or not. */
    public record Console(String text, long totalBytes) {
        public static final Console EMPTY = new Console("", 0);
    }

    public GradeReport {
        problems = List.copyOf(problems);
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
        testTimes = Map.copyOf(testTimes);
    }

    /** A report without notes or test times. */
    public GradeReport(Verdict verdict, List<String> problems, List<TestOutcome> outcomes, Console console,
                       Duration testTime, String isolation) {
        this(verdict, problems, outcomes, console, testTime, isolation, List.of(), Map.of());
    }

    /** This report with {@code note} added, unless it is empty. */
    public GradeReport withNote(String note) {
        if (note.isEmpty()) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new GradeReport(verdict, problems, outcomes, console, testTime, isolation, more, testTimes);
    }

    /** A report that says nothing of isolation (no test JVM ran, or it does not matter). */
    public GradeReport(Verdict verdict, List<String> problems, List<TestOutcome> outcomes, Console console,
                       Duration testTime) {
        this(verdict, problems, outcomes, console, testTime, "");
    }

    /** A submission that never reached the tests: every test is not run, with this reason. */
    public static GradeReport withoutTests(Verdict verdict, List<String> problems, List<PlannedTest> plan,
                                           String reason) {
        List<TestOutcome> outcomes = plan.stream().map(test -> TestOutcome.notRun(test, reason)).toList();
        return new GradeReport(verdict, problems, outcomes, Console.EMPTY, Duration.ZERO);
    }

    /** Points earned, rounded to 1e-6 so that sums of fractions print cleanly. */
    public double score() {
        return verdict == Verdict.GRADED ? round(outcomes.stream().mapToDouble(TestOutcome::score).sum()) : 0;
    }

    public double maxScore() {
        return round(outcomes.stream().mapToDouble(outcome -> outcome.test().points()).sum());
    }

    public boolean fullMarks() {
        return verdict == Verdict.GRADED && outcomes.stream().allMatch(o -> o.status() == TestStatus.PASSED);
    }

    private static double round(double points) {
        return Math.round(points * 1e6) / 1e6;
    }
}
