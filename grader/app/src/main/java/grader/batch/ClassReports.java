package grader.batch;

import grader.common.AtomicFile;
import grader.report.PlannedTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the class's files, each atomically: grades.csv, summary.json, similarity.csv and report.html, and
 * changes.csv after a previous run into the same folder.
 */
final class ClassReports {
    private ClassReports() {}

    /**
     * What the report shows besides the batch itself.
     *
     * @param changes what changed since the previous run, or null on a first run
     * @param canvas  what {@code --canvas} filled, or null without it
     * @param isolationWarning shown at the top of report.html when the test JVMs ran unsandboxed, else empty
     */
    record Extras(List<ScoreChanges.Change> changes, CanvasImport.Report canvas, String isolationWarning) {
        static final Extras NONE = new Extras(null, null, "");

        Extras(List<ScoreChanges.Change> changes, CanvasImport.Report canvas) {
            this(changes, canvas, "");
        }
    }

    static void write(Path out, List<PlannedTest> plan, List<BatchRecord> records, Map<String, String> models,
                      String skeleton, double threshold) throws IOException {
        write(out, plan, records, models, skeleton, threshold, Extras.NONE);
    }

    /**
     * @param models   each submission's Model.java by id, for the similarity
     * @param skeleton the kit's stub Model.java, whose code nobody is blamed for sharing
     */
    static void write(Path out, List<PlannedTest> plan, List<BatchRecord> records, Map<String, String> models,
                      String skeleton, double threshold, Extras extras) throws IOException {
        ClassSummary summary = ClassSummary.of(plan, records);
        List<Similarity.Pair> pairs = new Similarity(skeleton).pairs(models, threshold);
        AtomicFile.write(out.resolve("grades.csv"), GradesCsv.of(plan, records));
        AtomicFile.write(out.resolve("summary.json"), summary.toJson());
        AtomicFile.write(out.resolve("similarity.csv"), Similarity.csv(pairs));
        if (extras.changes() != null) {
            AtomicFile.write(out.resolve(ScoreChanges.FILE_NAME), ScoreChanges.csv(extras.changes()));
        } else {
            // A first run into a folder whose records were deleted: an old changes.csv would describe another run.
            Files.deleteIfExists(out.resolve(ScoreChanges.FILE_NAME));
        }
        AtomicFile.write(out.resolve("report.html"), HtmlReport.of(summary, pairs, threshold, extras));
    }
}
