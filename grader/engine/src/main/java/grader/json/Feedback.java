package grader.json;

import grader.report.GradeReport;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import java.util.Locale;

/** The sentences every format shares: the overall summary and what one test says to the student. */
public final class Feedback {
    private Feedback() {}

    /** First line of the feedback, e.g. "Score: 87.5 / 100 (27 of 30 tests passed)". */
    public static String headline(GradeReport report) {
        return switch (report.verdict()) {
            case GRADED -> "Score: " + points(report.score()) + " / " + points(report.maxScore()) + " ("
                    + report.outcomes().stream().filter(o -> o.status() == TestStatus.PASSED).count() + " of "
                    + report.outcomes().size() + " tests passed)";
            case COMPILE_ERROR -> "Score: 0 / " + points(report.maxScore())
                    + ": your code does not compile, so no test could run.";
            case FORBIDDEN_API -> "Score: 0 / " + points(report.maxScore())
                    + ": your code uses APIs the grader does not allow, so no test ran.";
            case REFUSED -> "Score: 0 / " + points(report.maxScore()) + ": your submission could not be graded.";
        };
    }

    /** The headline followed by what the student needs to fix when the tests could not run. */
    public static String overall(GradeReport report) {
        StringBuilder text = new StringBuilder(headline(report));
        if (!report.problems().isEmpty()) {
            text.append("\n\n").append(problemsIntro(report)).append(String.join("\n\n", report.problems()));
        }
        report.notes().forEach(note -> text.append("\n\n").append(note));
        return text.toString().strip();
    }

    /** The sentence that leads into the problems, e.g. "The compiler says:" and a blank line; may be empty. */
    static String problemsIntro(GradeReport report) {
        return switch (report.verdict()) {
            case COMPILE_ERROR -> "The compiler says:\n\n";
            case FORBIDDEN_API -> "Remove these uses and submit again:\n\n";
            case REFUSED, GRADED -> "";
        };
    }

    /** "Passed." or what went wrong, without the hint (and without the diagnosis, which is the hint). */
    public static String result(TestOutcome outcome) {
        return switch (outcome.status()) {
            case PASSED -> "Passed.";
            case FAILED -> "Failed: " + outcome.observation();
            default -> outcome.observation();
        };
    }

    /**
     * Shown when a test ran and did not pass: the misconception the test diagnosed, else the rubric's
     * generic hint. Never both: the generic hint could contradict the diagnosis.
     */
    public static String hint(TestOutcome outcome) {
        boolean ranAndMissed = outcome.status() != TestStatus.PASSED && outcome.status() != TestStatus.NOT_RUN;
        if (!ranAndMissed) {
            return "";
        }
        return "Hint: " + (outcome.diagnosis().isEmpty() ? outcome.test().hint() : outcome.diagnosis());
    }

    /** 5.0 prints as "5", 2.5 as "2.5". */
    public static String points(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.format(Locale.ROOT, "%s", points);
    }
}
