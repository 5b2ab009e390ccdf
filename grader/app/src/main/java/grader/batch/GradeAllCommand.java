package grader.batch;

import grader.command.ChildIsolation;
import grader.command.ExitCode;
import grader.command.TestLimits;
import grader.json.Feedback;
import grader.pipeline.Grader;
import grader.common.GraderConfig;
import grader.report.PlannedTest;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grade-all DIR --out OUTDIR}: grades every submission of a class and writes the class's reports. */
@Command(name = "grade-all", mixinStandardHelpOptions = true,
        description = {"Grades a whole class: each immediate subfolder or .zip of DIR is one submission (a Gradescope"
                + " export and GitHub Classroom clones are recognised, with the student's name or login).",
                "Writes OUTDIR/<submission>.json (Gradescope format), grades.csv, summary.json, similarity.csv and"
                        + " report.html. A second run keeps the submissions that did not change (unless --force) and"
                        + " lists in changes.csv every score that changed.",
                "With --canvas, also fills one assignment column of a Canvas gradebook export: canvas-import.csv.",
                "Ctrl-C stops cleanly: finished submissions are kept, the next run grades the rest."})
public final class GradeAllCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding one subfolder or .zip per submission.")
    private Path classFolder;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Where the JSONs and reports go (created if missing).")
    private Path outputFolder;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: the number of cores, ${DEFAULT-VALUE}).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Grade every submission again, even those unchanged since the last run.")
    private boolean force;

    @Option(names = "--similarity-threshold", paramLabel = "S", defaultValue = "0.8",
            description = "List pairs whose normalized code is at least this similar, 0..1 (default: ${DEFAULT-VALUE}).")
    private double similarityThreshold;

    @Option(names = "--canvas", paramLabel = "EXPORT.csv", description = "A Canvas gradebook export (Grades > Export):"
            + " writes OUTDIR/canvas-import.csv, the same file with this batch's scores in one assignment column.")
    private Path canvasExport;

    @Option(names = "--canvas-column", paramLabel = "NAME", description = "The assignment column to fill, with or"
            + " without its (id) suffix (default: the export's first assignment column).")
    private String canvasColumn;

    @CommandLine.Mixin
    private TestLimits limits;

    @CommandLine.Mixin
    private ChildIsolation isolation;

    @Option(names = "--no-class-data-archive", description = "Start child JVMs without the batch's class-data sharing archive.")
    private boolean noClassDataArchive;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(classFolder)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "DIR must be a folder: " + classFolder);
        }
        if (similarityThreshold < 0 || similarityThreshold > 1 || jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--similarity-threshold must be within 0..1 and --jobs at least 1");
        }
        GraderConfig config = limits.applyTo(GraderConfig.builder(), spec).testJvms(1).build();
        Path out = outputFolder.toAbsolutePath().normalize();
        if (out.equals(classFolder.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out must not be DIR itself");
        }
        CanvasGradebook canvas = readCanvasExport();
        List<Submission> submissions;
        try {
            submissions = SubmissionDiscovery.discover(classFolder, out);
        } catch (GradescopeMetadata.UnreadableMetadata e) {
            spec.commandLine().getErr().println("grade-all: " + e.getMessage());
            return ExitCode.UNUSABLE;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintStream stderr = System.err;
        if (submissions.isEmpty()) {
            spec.commandLine().getErr().println("grade-all: no subfolder or .zip in " + classFolder + ": nothing to grade.");
            return ExitCode.UNUSABLE;
        }
        Files.createDirectories(out);
        long start = System.nanoTime();
        // Kept between runs, for any --out folder and single grades too: see ChildIsolation.cacheFolder.
        Path cache = ChildIsolation.cacheFolder();
        java.util.Optional<GraderConfig> isolated = isolation.applyTo(config, cache, spec, spec.commandLine().getErr());
        if (isolated.isEmpty()) {
            return ExitCode.UNUSABLE;
        }
        config = isolated.get();
        // A child user cannot read the grading user's cache: its test JVMs start without the archive.
        if (!noClassDataArchive && !isolation.hasChildUser()) {
            config = ChildStartup.withClassDataArchive(config, cache, stderr);
        }
        BatchRunner.Outcome outcome;
        List<PlannedTest> plan;
        try (Grader grader = new Grader(config)) {
            plan = grader.plan();
            BatchRunner runner = new BatchRunner(grader, out, jobs, force);
            AtomicBoolean finished = new AtomicBoolean();
            Thread stopOnInterrupt = new Thread(() -> stop(runner, grader, finished), "grade-all-stop");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            try {
                outcome = runner.run(submissions, new ProgressBar(stderr, System.console() != null, submissions.size()));
            } finally {
                finished.set(true);
                removeHook(stopOnInterrupt);
            }
        }
        if (!outcome.complete()) {
            stderr.println("grade-all: stopped; run the same command again to grade the rest.");
            return ExitCode.STOPPED;
        }
        ClassSummary summary = ClassSummary.of(plan, outcome.records());
        CanvasImport.Report filled = canvas == null ? null
                : CanvasImport.fill(canvas, submissions, outcome.records(), summary.maxScore(), out);
        List<ScoreChanges.Change> changes = ScoreChanges.of(outcome);
        ClassReports.write(out, plan, outcome.records(), StudentSources.models(submissions, config.workRoot()),
                config.kit().studentStub().orElse(""), similarityThreshold,
                new ClassReports.Extras(changes, filled, isolationWarning(config)));
        stdout.printf(Locale.ROOT, "Graded %d submissions (%d kept from the last run) in %.1f s: mean %s, median %s of %s;"
                        + " %d not graded.%n", summary.count(), outcome.kept(), (System.nanoTime() - start) / 1e9,
                Feedback.points(summary.mean()), Feedback.points(summary.median()), Feedback.points(summary.maxScore()),
                summary.count() - summary.graded());
        stdout.println("Wrote " + out.resolve("grades.csv") + ", summary.json, similarity.csv, report.html and one JSON per submission.");
        if (changes != null) {
            stdout.println(changes.isEmpty() ? "No score changed since the last run."
                    : changes.size() + " submissions changed since the last run: see " + ScoreChanges.FILE_NAME + ".");
        }
        if (filled != null) {
            stdout.println("Canvas: " + GradebookSections.summary(filled));
            filled.unmatched().forEach(u -> stdout.println("  no student for submission " + u.id()
                    + (u.name().isEmpty() ? "" : " (" + u.name() + ")") + ": " + u.reason()));
            filled.withoutSubmission().forEach(s -> stdout.println("  no submission from " + s.name()
                    + (s.sisLoginId().isEmpty() ? "" : " (" + s.sisLoginId() + ")")));
        }
        stdout.flush();
        return ExitCode.OK;
    }

    /** What the class report says when the test JVMs ran without the sandbox, or empty. */
    private static String isolationWarning(GraderConfig config) {
        String isolation = grader.sandbox.Sandbox.describe(config);
        return isolation.startsWith("bubblewrap") ? "" : "The test JVMs ran without the bubblewrap sandbox ("
                + isolation + "): student code was held back by the static check alone. See docs/instructors.md,"
                + " section \"The sandbox\".";
    }

    /** The Canvas export, read before grading so that a wrong file or column is reported at once; null without --canvas. */
    private CanvasGradebook readCanvasExport() throws java.io.IOException {
        if (canvasExport == null) {
            if (canvasColumn != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--canvas-column needs --canvas EXPORT.csv");
            }
            return null;
        }
        if (!Files.isRegularFile(canvasExport)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--canvas: no such file: " + canvasExport);
        }
        try {
            return CanvasImport.read(canvasExport, canvasColumn);
        } catch (CanvasGradebook.InvalidGradebookException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--canvas " + canvasExport + ": " + e.getMessage());
        }
    }

    /** Ctrl-C: abandon the submissions in flight (their children are killed), keep what is written. */
    private static void stop(BatchRunner runner, Grader grader, AtomicBoolean finished) {
        if (finished.get()) {
            return;
        }
        System.err.println();
        System.err.println("grade-all: stopping; finished submissions are kept, those in flight are abandoned.");
        try {
            runner.abandon(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        grader.close();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing to remove.
        }
    }
}
