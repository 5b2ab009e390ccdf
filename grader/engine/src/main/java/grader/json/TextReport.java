package grader.json;

import grader.report.GradeReport;
import grader.report.TestOutcome;
import java.util.Locale;

/** The report for a person at a terminal: the score, one line per test, and what to fix under it. */
final class TextReport {
    private static final int CONSOLE_LINES = 20;

    private TextReport() {}

    static String of(GradeReport report) {
        StringBuilder text = new StringBuilder(Feedback.overall(report)).append("\n\n");
        for (TestOutcome outcome : report.outcomes()) {
            text.append(String.format(Locale.ROOT, "  %-9s %5s/%-4s Ex%d  %s%n", outcome.status().words().toUpperCase(Locale.ROOT),
                    Feedback.points(outcome.score()), Feedback.points(outcome.test().points()),
                    outcome.test().exercise(), outcome.test().displayName()));
            if (outcome.status() != grader.report.TestStatus.PASSED && report.verdict() == grader.report.Verdict.GRADED) {
                text.append(indent(Feedback.result(outcome))).append(indent(Feedback.hint(outcome)));
            }
        }
        GradeReport.Console console = report.console();
        if (console.totalBytes() > 0) {
            String[] lines = console.text().split("\n", -1);
            text.append(String.format(Locale.ROOT, "%nThe code printed %d bytes; the first lines:%n", console.totalBytes()));
            for (int i = 0; i < Math.min(CONSOLE_LINES, lines.length); i++) {
                text.append("  | ").append(lines[i].length() > 200 ? lines[i].substring(0, 200) + "..." : lines[i]).append('\n');
            }
        }
        return text.toString();
    }

    private static String indent(String paragraph) {
        if (paragraph.isBlank()) {
            return "";
        }
        return "            " + paragraph.strip().replace("\n", "\n            ") + "\n";
    }
}
