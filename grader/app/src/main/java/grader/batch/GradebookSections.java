package grader.batch;

import grader.json.Feedback;
import java.util.List;

/** The report's sections about the gradebook: what changed since the previous run, and what {@code --canvas} filled. */
final class GradebookSections {
    private GradebookSections() {}

    /** @param changes null on a first run: then there is nothing to compare with and no section */
    static void changes(StringBuilder html, List<ScoreChanges.Change> changes) {
        if (changes == null) {
            return;
        }
        html.append("<h2>Changed since the last run</h2>\n<p>Submissions graded again (new code, a changed grader, or "
                + "--force) whose score or test results differ from the previous run into this folder; also in "
                + ScoreChanges.FILE_NAME + ".</p>\n");
        HtmlReport.table(html, List.of("submission", "name", "old score", "new score", "tests whose outcome changed", "cause"),
                changes.stream().map(change -> List.of(change.id(), change.name(), Feedback.points(change.oldScore()),
                        Feedback.points(change.newScore()), String.join("; ", change.changedTests()), change.cause())).toList(),
                "No score or test result changed since the last run.");
    }

    /** @param canvas null without {@code --canvas}: no section */
    static void canvas(StringBuilder html, CanvasImport.Report canvas) {
        if (canvas == null) {
            return;
        }
        html.append("<h2>Canvas</h2>\n<p>").append(HtmlReport.escape(summary(canvas))).append("</p>\n");
        html.append("<h3>Submissions without a student in the export</h3>\n");
        HtmlReport.table(html, List.of("submission", "name", "why"), canvas.unmatched().stream()
                .map(u -> List.of(u.id(), u.name(), u.reason())).toList(), "Every submission was matched with a student.");
        html.append("<h3>Students without a submission</h3>\n<p>Their cells in the column were left as they were.</p>\n");
        HtmlReport.table(html, List.of("student", "SIS Login ID", "SIS User ID", "section"), canvas.withoutSubmission().stream()
                .map(s -> List.of(s.name(), s.sisLoginId(), s.sisUserId(), s.section())).toList(), "Every student has a submission.");
    }

    /** One sentence for the report and the console. */
    static String summary(CanvasImport.Report canvas) {
        String scaled = canvas.scale() == 1.0 ? "" : " (scores times " + Feedback.points(Math.round(canvas.scale() * 1e4) / 1e4)
                + ", the assignment's points in Canvas over the grader's maximum)";
        return "Filled " + count(canvas.filled(), "cell") + " of \"" + canvas.column() + "\" in " + CanvasImport.FILE_NAME
                + scaled + "; " + count(canvas.unmatched().size(), "submission") + " without a student, "
                + count(canvas.withoutSubmission().size(), "student") + " without a submission.";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
