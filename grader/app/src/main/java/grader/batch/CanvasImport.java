package grader.batch;

import grader.batch.CanvasGradebook.Student;
import grader.common.AtomicFile;
import grader.json.Feedback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code grade-all --canvas EXPORT.csv}: puts each submission's score into one assignment column of a
 * Canvas gradebook export and writes {@code canvas-import.csv} in the same layout, for Grades, Import.
 * Cells of students without a submission are left as they were: the instructor decides what no
 * submission is worth. When the assignment is worth a different number of points in Canvas than the
 * hidden tests award, scores are scaled to Canvas's points (rounded to 0.01), and the report says so.
 */
final class CanvasImport {
    static final String FILE_NAME = "canvas-import.csv";

    /**
     * What was filled.
     *
     * @param scale Canvas points per grader point (1 when the two agree or Canvas gives none)
     */
    record Report(String column, int filled, double scale, List<CanvasMatcher.Unmatched> unmatched,
                  List<Student> withoutSubmission) {}

    private CanvasImport() {}

    /** Reads the export before any grading, so that a wrong file or column costs nothing. */
    static CanvasGradebook read(Path export, String column) throws IOException, CanvasGradebook.InvalidGradebookException {
        try {
            return CanvasGradebook.parse(Files.readString(export, StandardCharsets.UTF_8), column);
        } catch (Csv.MalformedCsvException e) {
            throw new CanvasGradebook.InvalidGradebookException(export.getFileName() + ": " + e.getMessage());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new CanvasGradebook.InvalidGradebookException(export.getFileName() + " is not UTF-8 text; export the "
                    + "gradebook from Canvas again (Canvas writes UTF-8) rather than saving it from a spreadsheet");
        }
    }

    static Report fill(CanvasGradebook gradebook, List<Submission> submissions, List<BatchRecord> records,
                       double maxScore, Path out) throws IOException {
        Map<String, BatchRecord> byId = records.stream().collect(Collectors.toMap(BatchRecord::id, Function.identity()));
        double scale = gradebook.pointsPossible().filter(points -> points > 0 && maxScore > 0)
                .map(points -> points / maxScore).orElse(1.0);
        CanvasMatcher.Result matched = CanvasMatcher.match(submissions, gradebook.students());
        int filled = 0;
        for (Map.Entry<Submission, List<Student>> entry : matched.students().entrySet()) {
            BatchRecord record = byId.get(entry.getKey().id());
            if (record == null) {
                continue;
            }
            String value = Feedback.points(Math.round(record.score() * scale * 100) / 100.0);
            for (Student student : entry.getValue()) {
                gradebook.fill(student, value);
                filled++;
            }
        }
        AtomicFile.write(out.resolve(FILE_NAME), gradebook.text());
        return new Report(gradebook.column(), filled, scale, matched.unmatched(), matched.withoutSubmission());
    }
}
