package grader.batch;

import grader.common.AtomicFile;
import grader.json.ReportFormat;
import grader.pipeline.Grader;
import grader.common.GraderConfig;
import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestStatus;
import grader.report.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades a class with one warm {@link Grader}, up to {@code jobs} submissions at once. Each submission
 * ends with its own JSON ({@code OUTDIR/<id>.json}, Gradescope format) and a {@link BatchRecord}, both
 * written atomically; a submission that breaks the grader gets score 0 with the reason and never stops
 * the others. Unchanged submissions graded by the same grader are kept unless {@code force}.
 * {@link #abandon} (Ctrl-C) stops handing out work and kills the children of the submissions in flight,
 * whose files are then simply not written.
 */
public final class BatchRunner {
    private static final long CRASH_SETTLE_MILLIS = 500;
    private final Grader grader;
    private final Path outputFolder;
    private final ResumeIndex index;
    private final boolean force;
    private final ExecutorService pool;
    private volatile boolean stopping;

    /**
     * What a run produced: a record per submission that has one, and whether every submission has one.
     *
     * @param previous the records the previous run into the same OUTDIR left, by id (empty on a first run)
     */
    public record Outcome(List<BatchRecord> records, int kept, int graded, boolean complete,
                          Map<String, BatchRecord> previous) {}

    public BatchRunner(Grader grader, Path outputFolder, int jobs, boolean force) throws IOException {
        this.grader = grader;
        this.outputFolder = outputFolder;
        this.index = new ResumeIndex(outputFolder);
        this.force = force;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, jobs), runnable -> {
            Thread thread = new Thread(runnable, "grade-all-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where the records and the child JVMs' class-data archive live. */
    public Path stateFolder() {
        return index.folder();
    }

    Outcome run(List<Submission> submissions, ProgressBar progress) throws IOException, InterruptedException {
        String graderHash = graderFingerprint(grader);
        List<BatchRecord> records = new ArrayList<>();
        List<Future<Optional<BatchRecord>>> running = new ArrayList<>();
        List<BatchRecord> kept = new ArrayList<>();
        Map<String, BatchRecord> previous = new TreeMap<>();
        for (Submission submission : submissions) {
            index.read(submission.id()).ifPresent(record -> previous.put(record.id(), record));
            String sourceHash = hashOrEmpty(submission);
            Optional<BatchRecord> upToDate = force || sourceHash.isEmpty() ? Optional.empty()
                    : index.upToDate(submission, sourceHash, graderHash, jsonOf(submission));
            if (upToDate.isPresent()) {
                kept.add(upToDate.get());
            } else {
                running.add(pool.submit(() -> grade(submission, sourceHash, graderHash, progress)));
            }
        }
        progress.skipped(kept);
        records.addAll(kept);
        int graded = 0;
        for (Future<Optional<BatchRecord>> future : running) {
            try {
                Optional<BatchRecord> record = future.get();
                if (record.isPresent()) {
                    records.add(record.get());
                    graded++;
                }
            } catch (CancellationException abandoned) {
                // Ctrl-C: this submission is graded on the next run.
            } catch (ExecutionException e) {
                throw new IOException("grading failed outside any one submission", e.getCause());
            }
        }
        pool.shutdown();
        progress.close();
        records.sort(java.util.Comparator.comparing(BatchRecord::id));
        return new Outcome(records, kept.size(), graded, !stopping && records.size() == submissions.size(), previous);
    }

    /** Stops handing out submissions and interrupts those in flight (their children are killed); waits briefly. */
    public void abandon(long waitMillis) throws InterruptedException {
        stopping = true;
        // Never-started submissions are cancelled, so that run() stops waiting for them.
        pool.shutdownNow().forEach(neverStarted -> ((Future<?>) neverStarted).cancel(false));
        pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
    }

    private Optional<BatchRecord> grade(Submission submission, String sourceHash, String graderHash,
                                        ProgressBar progress) throws IOException, InterruptedException {
        if (stopping) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        GradeReport report;
        String verdict;
        try {
            report = grader.grade(submission.source());
            verdict = report.verdict().name();
        } catch (InterruptedException abandoned) {
            return Optional.empty();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // The grader failed, not the student: score 0 now, and the next run tries again.
            report = GradeReport.withoutTests(Verdict.REFUSED, List.of("The grader failed on this submission ("
                    + e + "); it will be graded again on the next run."), grader.plan(), "not run: the grader failed");
            verdict = BatchRecord.INTERNAL_ERROR;
        }
        if (report.outcomes().stream().anyMatch(outcome -> outcome.status() == TestStatus.CRASHED)) {
            // Ctrl-C at a terminal also reaches the children, which then die as if the student's code had
            // crashed; give the stop signal time to arrive so that such a result is never written.
            try {
                Thread.sleep(CRASH_SETTLE_MILLIS);
            } catch (InterruptedException abandoned) {
                return Optional.empty();
            }
        }
        if (stopping || Thread.currentThread().isInterrupted()) {
            return Optional.empty();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        AtomicFile.write(jsonOf(submission), ReportFormat.GRADESCOPE.render(report, false));
        BatchRecord record = BatchRecord.of(submission, sourceHash, graderHash, report, verdict,
                Math.round(seconds * 1000) / 1000.0);
        index.write(record);
        progress.finished(record);
        return Optional.of(record);
    }

    private Path jsonOf(Submission submission) {
        return outputFolder.resolve(submission.id() + ".json");
    }

    private static String hashOrEmpty(Submission submission) {
        try {
            return ContentHash.of(submission.source());
        } catch (IOException | RuntimeException unreadable) {
            // Graded anyway: the grader reports why it cannot read it.
            return "";
        }
    }

    /**
     * What decides a submission's score besides its own content: the grader's version, the hidden tests
     * (their code, points and hints), the kit it compiles with, and the limits of the child JVM. A change of
     * any of these grades every submission again.
     */
    static String graderFingerprint(Grader grader) throws IOException {
        GraderConfig config = grader.config();
        StringBuilder text = new StringBuilder(version()).append('\n');
        for (PlannedTest test : grader.plan()) {
            text.append(test.id()).append('|').append(test.points()).append('|').append(test.hint()).append('\n');
        }
        text.append(HiddenTestCode.fingerprint(BatchRunner.class.getClassLoader(), config.hiddenPackage()));
        Map<String, String> kit = new TreeMap<>(config.kit().given());
        kit.put("solution Model.java", config.kit().solutionModel());
        kit.forEach((file, source) -> text.append(file).append('\n').append(source).append('\n'));
        text.append(config.heap()).append('|').append(config.testTimeout()).append('|').append(config.totalTimeout())
                .append('|').append(new TreeMap<>(config.testLimits()))
                .append('|').append(config.hiddenPackage()).append('|').append(config.staticCheck());
        return ContentHash.ofText(text.toString());
    }

    private static String version() throws IOException {
        try (InputStream in = BatchRunner.class.getResourceAsStream("/grader/version.properties")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
