package grader.batch;

import grader.json.Feedback;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the
 * score histogram, what the class got wrong (misconceptions, most students first), the pass rate per test,
 * what changed since the previous run, the Canvas matching, the most frequent hints, the submissions that
 * could not be graded, the slowest ones and the most similar pairs. Nothing in it depends on the clock, so the same
 * batch gives the same page.
 */
final class HtmlReport {
    private static final int SIMILAR_PAIRS_SHOWN = 20;
    private static final String STYLE = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}"
            + "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}h3{font-size:15px}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "text-align:left;vertical-align:top}th{background:#f0f0f0}.num{text-align:right}"
            + ".note{background:#fff6d6;border:1px solid #e0c060;padding:8px 12px;font-size:13px}"
            + ".figures span{display:inline-block;margin-right:24px;font-size:15px}";

    private HtmlReport() {}

    static String of(ClassSummary summary, List<Similarity.Pair> similar, double threshold) {
        return of(summary, similar, threshold, ClassReports.Extras.NONE);
    }

    static String of(ClassSummary summary, List<Similarity.Pair> similar, double threshold, ClassReports.Extras extras) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Batch-norm exercise: class report</title>\n<style>").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>Batch-norm exercise: class report</h1>\n");
        if (!extras.isolationWarning().isEmpty()) {
            html.append("<p class=\"note\"><strong>No sandbox.</strong> ").append(escape(extras.isolationWarning())).append("</p>\n");
        }
        html.append("<p class=\"figures\">")
                .append(figure("submissions", String.valueOf(summary.count())))
                .append(figure("graded", String.valueOf(summary.graded())))
                .append(figure("mean", points(summary.mean()) + " / " + points(summary.maxScore())))
                .append(figure("median", points(summary.median())))
                .append(figure("range", points(summary.min()) + " to " + points(summary.max())))
                .append("</p>\n");
        html.append("<h2>Scores</h2>\n").append(SvgCharts.histogram(summary.histogram()));
        misconceptions(html, summary);
        html.append("<h2>Pass rate per test</h2>\n<p>Share of all submissions that passed each hidden test "
                + "(red below half).</p>\n").append(SvgCharts.passRates(summary.passRates()));
        GradebookSections.changes(html, extras.changes());
        GradebookSections.canvas(html, extras.canvas());
        html.append("<h2>Most frequent hints</h2>\n");
        table(html, List.of("students", "test", "hint"), summary.topHints().stream()
                .map(h -> List.of(String.valueOf(h.students()), h.testId(), h.hint())).toList(), "No hints: every test that ran passed.");
        html.append("<h2>Not graded</h2>\n<p>These scored 0 without running the tests; each JSON says why.</p>\n");
        table(html, List.of("submission", "name", "verdict", "reason"), summary.notGraded().stream()
                .map(f -> List.of(f.id(), f.name(), f.verdict(), f.reason())).toList(), "Every submission was graded.");
        html.append("<h2>Slowest submissions</h2>\n");
        table(html, List.of("submission", "name", "seconds", "score"), summary.slowest().stream()
                .map(t -> List.of(t.id(), t.name(), String.format(Locale.ROOT, "%.1f", t.seconds()), points(t.score())))
                .toList(), "Nothing graded in this run.");
        html.append("<h2>Most similar submissions</h2>\n<p class=\"note\"><strong>Evidence for a person to look at, "
                + "not a verdict.</strong> Similarity compares each Model.java after renaming every identifier, "
                + "dropping comments, literals and layout, and removing the code of the stub everyone starts from. "
                + "A short exercise has few ways to be right, so independent solutions can look alike; read both "
                + "files before drawing any conclusion.</p>\n");
        html.append(String.format(Locale.ROOT, "<p>%d pairs at or above the threshold %.2f (all in similarity.csv).</p>%n",
                similar.size(), threshold));
        table(html, List.of("first", "second", "similarity", "shared shingles"), similar.stream().limit(SIMILAR_PAIRS_SHOWN)
                .map(p -> List.of(p.first(), p.second(), String.format(Locale.ROOT, "%.2f", p.similarity()),
                        String.valueOf(p.shared()))).toList(), "No pair at or above the threshold.");
        return html.append("</body>\n</html>\n").toString();
    }

    /** Ranked: the mistakes most of the class made come first, with a submission to open. */
    private static void misconceptions(StringBuilder html, ClassSummary summary) {
        html.append("<h2>What the class got wrong</h2>\n<p>Misconceptions the hidden tests recognised in failed tests, "
                + "by the number of submissions that made them (ids are stable from run to run; all in summary.json).</p>\n");
        Map<String, String> names = summary.passRates().stream()
                .collect(Collectors.toMap(ClassSummary.TestRate::id, ClassSummary.TestRate::displayName));
        table(html, List.of("students", "share", "misconception", "what the submission does", "caught by", "example"),
                summary.misconceptions().stream().map(m -> List.of(String.valueOf(m.students()),
                        String.format(Locale.ROOT, "%.0f%%", summary.count() == 0 ? 0.0 : 100.0 * m.students() / summary.count()),
                        m.id(), m.description(), caughtBy(m.tests(), names), m.example())).toList(),
                "No failed test named a known misconception.");
    }

    /** The first test that named it, and how many more did (all of them are in summary.json). */
    private static String caughtBy(List<String> tests, Map<String, String> names) {
        String first = tests.isEmpty() ? "" : names.getOrDefault(tests.get(0), tests.get(0));
        return tests.size() <= 1 ? first : first + " (and " + (tests.size() - 1) + " more)";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String figure(String label, String value) {
        return "<span>" + escape(label) + ": <strong>" + escape(value) + "</strong></span>";
    }

    private static String points(double points) {
        return Feedback.points(Math.round(points * 100) / 100.0);
    }

    static void table(StringBuilder html, List<String> header, List<List<String>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            html.append("<p><em>").append(escape(whenEmpty)).append("</em></p>\n");
            return;
        }
        html.append("<table>\n<tr>");
        header.forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append(cell.matches("-?[0-9.]+") ? "<td class=\"num\">" : "<td>")
                    .append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }
}
