package grader.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Canvas gradebook export (Grades, Export), read so that one assignment column can be filled and the file
 * imported back. The layout, as Canvas documents and writes it: a header row {@code Student, ID, SIS User
 * ID, SIS Login ID, Section} (newer exports may add {@code Integration ID} or {@code Root Account}), then one
 * column per assignment named {@code <title> (<assignment id>)}, then read-only totals; a second row whose
 * Student cell is {@code Points Possible} holds each assignment's points, and {@code (read only)} under the
 * calculated columns. Every other row with an ID is a student. Sources: the Canvas Instructor Guide on
 * exporting and importing grades (as mirrored by VCU, ts.vcu.edu/askit/.../gradebook-action-menu-faculty/),
 * Ohio State's import guide (teaching.resources.osu.edu/.../import-csv-file-carmen-grades) and nemogb's
 * notes on the export (nemogb-dev.github.io/nemogb-r/articles/detailed-canvas-export-info.html).
 */
final class CanvasGradebook {
    static final List<String> IDENTITY_COLUMNS =
            List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Integration ID", "Root Account", "Section");
    private static final String READ_ONLY = "(read only)";

    /** One student row of the export. */
    record Student(int row, String name, String canvasId, String sisUserId, String sisLoginId, String section) {}

    /** An export Canvas would not import, or an option that names no assignment column. */
    static final class InvalidGradebookException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidGradebookException(String message) {
            super(message);
        }
    }

    private final boolean byteOrderMark;
    private final List<List<String>> rows;
    private final int column;

    private CanvasGradebook(boolean byteOrderMark, List<List<String>> rows, int column) {
        this.byteOrderMark = byteOrderMark;
        this.rows = rows;
        this.column = column;
    }

    /** @param columnName the assignment to fill, with or without its {@code (id)} suffix; null for the first one */
    static CanvasGradebook parse(String text, String columnName) throws InvalidGradebookException, Csv.MalformedCsvException {
        List<List<String>> rows = new ArrayList<>();
        Csv.parse(text).forEach(row -> rows.add(new ArrayList<>(row)));
        if (rows.isEmpty() || rows.get(0).indexOf("ID") < 0 || rows.get(0).indexOf("SIS Login ID") < 0
                || !rows.get(0).get(0).strip().equals("Student")) {
            throw new InvalidGradebookException("this is not a Canvas gradebook export: its first row must start with "
                    + "Student, ID, SIS User ID, SIS Login ID, Section (Grades > Export > Export Entire Gradebook)");
        }
        CanvasGradebook gradebook = new CanvasGradebook(text.startsWith(Csv.BYTE_ORDER_MARK), rows, -1);
        return new CanvasGradebook(gradebook.byteOrderMark, rows, gradebook.columnFor(columnName));
    }

    /** The header of the column that is filled. */
    String column() {
        return rows.get(0).get(column);
    }

    /** The points the filled assignment is worth in Canvas, if the export says. */
    Optional<Double> pointsPossible() {
        return pointsPossibleRow().map(row -> cell(row, column)).flatMap(CanvasGradebook::number);
    }

    List<Student> students() {
        List<Student> students = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (!cell(row, index("ID")).isBlank()) {
                students.add(new Student(r, cell(row, 0), cell(row, index("ID")), cell(row, index("SIS User ID")),
                        cell(row, index("SIS Login ID")), cell(row, index("Section"))));
            }
        }
        return students;
    }

    /** Puts {@code value} into the filled column of a student's row. */
    void fill(Student student, String value) {
        List<String> row = rows.get(student.row());
        while (row.size() <= column) {
            row.add("");
        }
        row.set(column, value);
    }

    /** The export with the filled cells, in its own layout (and with its byte-order mark, if it had one). */
    String text() {
        return (byteOrderMark ? Csv.BYTE_ORDER_MARK : "") + Csv.format(rows);
    }

    private int columnFor(String name) throws InvalidGradebookException {
        List<String> header = rows.get(0);
        List<String> assignments = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (isAssignment(c)) {
                assignments.add(header.get(c));
                if (name == null || header.get(c).equals(name) || withoutId(header.get(c)).equalsIgnoreCase(name.strip())) {
                    return c;
                }
            }
        }
        throw new InvalidGradebookException(assignments.isEmpty() ? "the export has no assignment column to fill: add the "
                + "assignment in Canvas, then export the gradebook again"
                : "no assignment column \"" + name + "\" in the export; its assignments are: " + String.join(", ", assignments));
    }

    /** Neither an identity column nor one Canvas calculates (those say "(read only)" under their points). */
    private boolean isAssignment(int c) {
        String title = rows.get(0).get(c).strip();
        boolean calculated = pointsPossibleRow().map(row -> cell(row, c).strip().equalsIgnoreCase(READ_ONLY)).orElse(false)
                || title.matches("(?i)(unposted )?(current|final|override) (score|grade|points)|.*\\b(current|final) (score|points)$");
        return !IDENTITY_COLUMNS.contains(title) && !title.isEmpty() && !calculated;
    }

    private Optional<List<String>> pointsPossibleRow() {
        return rows.stream().skip(1).filter(row -> cell(row, 0).strip().equalsIgnoreCase("Points Possible")).findFirst();
    }

    private int index(String title) {
        return rows.get(0).indexOf(title);
    }

    private static String cell(List<String> row, int c) {
        return c >= 0 && c < row.size() ? row.get(c) : "";
    }

    /** "Lab 3 (123456)" without " (123456)". */
    private static String withoutId(String title) {
        return title.replaceFirst("\\s*\\(\\d+\\)\\s*$", "").strip();
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
