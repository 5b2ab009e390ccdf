package grader.batch;

import grader.common.AtomicFile;
import grader.report.PlannedTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the class's four files, each atomically: grades.csv, summary.json, similarity.csv and report.html. */
final class ClassReports {
    private ClassReports() {}

    /** The reports of a batch whose test JVMs ran sandboxed (or whose isolation is not to be shown). */
    static void write(Path out, List<PlannedTest> plan, List<BatchRecord> records, Map<String, String> models,
                      String skeleton, double threshold) throws IOException {
        write(out, plan, records, models, skeleton, threshold, "");
    }

    /**
     * @param models   each submission's Model.java by id, for the similarity
     * @param skeleton the kit's stub Model.java, whose code nobody is blamed for sharing
     * @param isolationWarning shown at the top of report.html when the test JVMs ran unsandboxed, else empty
     */
    static void write(Path out, List<PlannedTest> plan, List<BatchRecord> records, Map<String, String> models,
                      String skeleton, double threshold, String isolationWarning) throws IOException {
        ClassSummary summary = ClassSummary.of(plan, records);
        List<Similarity.Pair> pairs = new Similarity(skeleton).pairs(models, threshold);
        AtomicFile.write(out.resolve("grades.csv"), GradesCsv.of(plan, records));
        AtomicFile.write(out.resolve("summary.json"), summary.toJson());
        AtomicFile.write(out.resolve("similarity.csv"), Similarity.csv(pairs));
        AtomicFile.write(out.resolve("report.html"), HtmlReport.of(summary, pairs, threshold, isolationWarning));
    }
}
