package grader.batch;

import grader.json.Feedback;
import grader.report.PlannedTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code grades.csv} for the gradebook (RFC 4180): one row per submission sorted by id, with the columns
 * {@code id, name, score, max, verdict} and then one column per hidden test id in rubric order, holding
 * the points earned. The columns never depend on which submissions are present.
 */
final class GradesCsv {
    static final List<String> FIXED_COLUMNS = List.of("id", "name", "score", "max", "verdict");
    private static final String FORMULA_STARTS = "=+-@\t\r\0";

    private GradesCsv() {}

    static String of(List<PlannedTest> plan, List<BatchRecord> records) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        plan.forEach(test -> header.add(test.id()));
        row(csv, header);
        for (BatchRecord record : records) {
            Map<String, Double> points = new HashMap<>();
            record.tests().forEach(test -> points.put(test.id(), test.points()));
            List<String> cells = new ArrayList<>(List.of(record.id(), record.name(), Feedback.points(record.score()),
                    Feedback.points(record.maxScore()), record.verdict()));
            plan.forEach(test -> cells.add(points.containsKey(test.id()) ? Feedback.points(points.get(test.id())) : ""));
            row(csv, cells);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * Quotes a cell that holds a comma, a quote, a line feed or a carriage return (RFC 4180, section 2.6).
     * A cell that a spreadsheet would run as a formula, starting with =, +, -, @, a tab, a carriage return
     * or NUL (OWASP, "CSV Injection"), gets a leading ' so that it shows as text; negative numbers stay.
     */
    static String quoted(String cell) {
        boolean formula = !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+");
        String safe = formula ? "'" + cell : cell;
        boolean needsQuotes = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
