package grader.pipeline;

import grader.common.Folders;
import grader.common.GraderConfig;
import grader.common.Trace;
import grader.compile.Compilation;
import grader.compile.SourceCompiler;
import grader.harness.SubmissionClassLoader;
import grader.harness.TestCatalog;
import grader.harness.VariantHarness;
import grader.report.GradeReport;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.Verdict;
import grader.runner.ConsoleCapture;
import grader.runner.TestRun;
import grader.sandbox.ChildUser;
import grader.sandbox.Sandbox;
import grader.submission.SafeUnzip;
import grader.submission.SourceText;
import grader.submission.SubmissionLocator;
import grader.submission.SubmissionProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Grades submissions: unpack, locate Model.java, compile with the kit's given files, check, and run the
 * hidden tests in child JVMs. One instance grades many submissions, also from several threads at once,
 * keeping the compiler warm and the test plan loaded; close it to delete its scratch folder.
 */
public final class Grader implements AutoCloseable {
    private static final String STUDENT_FILE = SubmissionLocator.MODEL_FILE;
    private static final int CONSOLE_BYTES = 64 * 1024;

    private final GraderConfig config;
    private final Path scratch;
    private final SourceCompiler compiler;
    private final Thread cleanUpOnExit;
    private volatile List<PlannedTest> plan;

    public Grader(GraderConfig config) throws IOException {
        this(config, SourceCompiler.Limits.DEFAULT);
    }

    /** @param compilerLimits the stack and time limit of each compilation */
    public Grader(GraderConfig config, SourceCompiler.Limits compilerLimits) throws IOException {
        this.config = config;
        Files.createDirectories(config.workRoot());
        this.scratch = Files.createTempDirectory(config.workRoot(), "grader-");
        if (config.childUser().isPresent()) {
            ChildUser.traversable(scratch);
        }
        this.compiler = new SourceCompiler(scratch, compilerLimits);
        // Killed (Ctrl-C, a platform's timeout) before close(): still leave no scratch behind.
        this.cleanUpOnExit = new Thread(() -> Folders.deleteRecursively(scratch), "grader-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
        Trace.mark("compiler ready");
    }

    public GraderConfig config() {
        return config;
    }

    /** Grades a submission folder, a {@code .zip}, or a {@code Model.java}. */
    public GradeReport grade(Path submission) throws IOException, InterruptedException {
        Path work = workFolder();
        try {
            SourceText source = SubmissionLocator.readSource(locate(submission, work));
            return gradeSource(source.text(), work).withNote(source.note());
        } catch (SubmissionProblem problem) {
            return GradeReport.withoutTests(Verdict.REFUSED, List.of(problem.getMessage()), plan(),
                    "not run: the submission was refused");
        } finally {
            Folders.deleteRecursively(work);
        }
    }

    /** Grades the text of a {@code Model.java}, e.g. the solution or a mutant of it. */
    public GradeReport gradeSource(String modelSource) throws IOException, InterruptedException {
        Path work = workFolder();
        try {
            return gradeSource(modelSource, work);
        } finally {
            Folders.deleteRecursively(work);
        }
    }

    /** A new folder for one submission; a child user may pass through it to the classes, not list it. */
    private Path workFolder() throws IOException {
        Path work = Files.createTempDirectory(scratch, "submission-");
        if (config.childUser().isPresent()) {
            ChildUser.traversable(work);
        }
        return work;
    }

    /** The hidden tests, discovered once. */
    public List<PlannedTest> plan() throws IOException {
        if (plan == null) {
            synchronized (this) {
                if (plan == null) {
                    plan = discoverWithSolution();
                }
            }
        }
        return plan;
    }

    private Path locate(Path submission, Path work) throws SubmissionProblem, IOException {
        if (!Files.exists(submission, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionProblem("The submission " + submission + " does not exist.");
        }
        if (Files.isRegularFile(submission) && submission.getFileName().toString().toLowerCase().endsWith(".zip")) {
            Path unpacked = work.resolve("unpacked");
            SafeUnzip.extract(submission, unpacked, SafeUnzip.Limits.DEFAULT);
            return SubmissionLocator.findModel(unpacked);
        }
        return SubmissionLocator.findModel(submission);
    }

    private GradeReport gradeSource(String modelSource, Path work) throws IOException, InterruptedException {
        ConsoleCapture console = new ConsoleCapture(CONSOLE_BYTES);
        List<TestRun.WarmChild> warmChildren = new ArrayList<>();
        try {
            // Made before the children start: a sandbox binds it then, and sees the classes once compiled.
            Path classes = Files.createDirectories(work.resolve("classes"));
            for (int shard = 0; shard < config.testJvms(); shard++) {
                warmChildren.add(TestRun.warmUp(config, work.resolve("shard-" + shard), classes, console));
            }
            Trace.mark("child JVMs launched");
            Compilation compilation = compiler.compile(sources(modelSource), STUDENT_FILE, classes, config.staticCheck());
            if (config.childUser().isPresent()) {
                ChildUser.readable(classes);
            }
            Trace.mark("compiled: " + compilation.result());
            switch (compilation.result()) {
                case ERRORS:
                    return GradeReport.withoutTests(Verdict.COMPILE_ERROR, compilation.messages(), plan(),
                            "not run: the code does not compile");
                case FORBIDDEN:
                    return GradeReport.withoutTests(Verdict.FORBIDDEN_API, compilation.messages(), plan(),
                            "not run: the code uses an API the grader does not allow");
                default:
                    break;
            }
            List<PlannedTest> tests = planFor(classes);
            Trace.mark("planned " + tests.size() + " tests");
            long start = System.nanoTime();
            Map<String, Duration> times = new ConcurrentHashMap<>();
            List<TestOutcome> outcomes = runShards(tests, classes, work, console, warmChildren, times);
            Trace.mark("tests run");
            warmChildren.forEach(TestRun.WarmChild::close); // any that got no tests: their output ends too
            console.awaitDrained(Duration.ofSeconds(2));
            return new GradeReport(Verdict.GRADED, List.of(), outcomes, console.snapshot(),
                    Duration.ofNanos(System.nanoTime() - start), Sandbox.describe(config), List.of(), times);
        } finally {
            warmChildren.forEach(TestRun.WarmChild::close);
        }
    }

    /**
     * Deals the tests round-robin to the warm children (each keeps the plan's order, so it can tell which
     * test to blame), runs the shards side by side, and returns the outcomes in plan order.
     */
    private List<TestOutcome> runShards(List<PlannedTest> tests, Path classes, Path work, ConsoleCapture console,
                                        List<TestRun.WarmChild> warmChildren, Map<String, Duration> times)
            throws IOException, InterruptedException {
        int shards = Math.min(warmChildren.size(), tests.size());
        List<List<PlannedTest>> dealt = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < tests.size(); i++) {
            dealt.get(i % shards).add(tests.get(i));
        }
        List<CompletableFuture<List<TestOutcome>>> running = new ArrayList<>();
        for (int shard = 1; shard < shards; shard++) {
            TestRun run = new TestRun(config, dealt.get(shard), classes, work.resolve("shard-" + shard), console);
            TestRun.WarmChild child = warmChildren.get(shard);
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    List<TestOutcome> outcomes = run.run(child);
                    times.putAll(run.times());
                    return outcomes;
                } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            }));
        }
        Map<String, TestOutcome> byId = new HashMap<>();
        TestRun first = new TestRun(config, dealt.get(0), classes, work.resolve("shard-0"), console);
        first.run(warmChildren.get(0)).forEach(outcome -> byId.put(outcome.test().id(), outcome));
        times.putAll(first.times());
        try {
            for (CompletableFuture<List<TestOutcome>> shard : running) {
                shard.get().forEach(outcome -> byId.put(outcome.test().id(), outcome));
            }
        } catch (ExecutionException e) {
            throw new IOException("a test shard failed", e.getCause());
        }
        return tests.stream().map(test -> byId.get(test.id())).toList();
    }

    private Map<String, String> sources(String modelSource) {
        return VariantHarness.withGivenFiles(config.kit(), modelSource);
    }

    /** Discovers the plan with this submission's classes (no extra compile), the first time only. */
    private List<PlannedTest> planFor(Path classes) throws IOException {
        if (plan == null) {
            synchronized (this) {
                if (plan == null) {
                    try {
                        plan = discover(classes);
                    } catch (ClassNotFoundException | LinkageError unusualSubmission) {
                        plan = discoverWithSolution();
                    }
                }
            }
        }
        return plan;
    }

    /** The plan when no compiled submission is at hand: compile the kit's solution once to read the tests. */
    private List<PlannedTest> discoverWithSolution() throws IOException {
        Path classes = scratch.resolve("plan-classes");
        Compilation compilation = compiler.compile(sources(config.kit().solutionModel()), STUDENT_FILE, classes, false);
        // The compiled reference solution: never readable by a child user, even by a guessed path.
        Files.setPosixFilePermissions(classes, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        if (!compilation.compiled()) {
            throw new IllegalStateException("the bundled solution does not compile: " + compilation.messages());
        }
        try {
            return discover(classes);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the hidden tests", e);
        }
    }

    private List<PlannedTest> discover(Path classes) throws ClassNotFoundException {
        List<PlannedTest> found = TestCatalog.discover(
                SubmissionClassLoader.forHiddenTests(classes, config.hiddenPackage(), Grader.class.getClassLoader()),
                config.hiddenPackage());
        if (found.isEmpty()) {
            throw new IllegalStateException("no hidden tests (methods annotated @Points) in package "
                    + config.hiddenPackage());
        }
        return found;
    }

    @Override
    public void close() {
        Folders.deleteRecursively(scratch);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: the folder is gone either way.
        }
    }
}
