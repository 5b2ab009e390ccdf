package grader.bench;

import batchnorm.Summary;
import grader.common.GraderConfig;
import grader.common.Folders;
import grader.common.SandboxMode;
import grader.runner.ChildMain;
import grader.sandbox.ChildMounts;
import grader.sandbox.Sandbox;
import grader.sandbox.SlimClasspath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the bubblewrap sandbox costs per test JVM: the same child JVM the grader starts (its main class,
 * options and slim class path; it warms up JUnit and autodiff, then reads its request), started
 * alternately without and with the sandbox in the same run, timed from start until it is ready for the
 * request plus killing it, as the grader does. Not a unit test: run it from
 * the repository's root after {@code mvn -B verify}:
 *
 * <pre>java -cp grader/bench/target/bench.jar grader.bench.SandboxBenchmark [rounds]</pre>
 *
 * The last line is {@code sandbox_cost_ms=<best sandboxed - best plain> sandbox_cost_median_ms=<same for the
 * medians>} (goal: under 50 ms); on a busy machine the medians mostly measure the other load.
 */
public final class SandboxBenchmark {
    private static final Path GRADER_JAR = Path.of("grader", "target", "grader.jar");

    private SandboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (!Files.isRegularFile(GRADER_JAR)) {
            System.err.println("No " + GRADER_JAR + ": build it first with mvn -B verify.");
            System.exit(2);
        }
        Sandbox.Availability availability = Sandbox.probe(java.util.Optional.empty());
        if (!availability.works()) {
            System.out.println("bubblewrap does not work here (" + availability.reason() + "): nothing to measure");
            System.out.println("sandbox_cost_ms=NaN sandbox_cost_median_ms=NaN");
            return;
        }
        Path work = Files.createTempDirectory("sandbox-bench-");
        try {
            Path jar = SlimClasspath.write(List.of(GRADER_JAR.toAbsolutePath()), GraderConfig.DEFAULT_HIDDEN_PACKAGE,
                    work.resolve("classpath"));
            GraderConfig config = GraderConfig.builder().childClasspath(List.of(jar)).sandbox(SandboxMode.REQUIRED).build();
            Path classes = Files.createDirectories(work.resolve("classes"));
            Path channel = Files.createFile(work.resolve("channel"));
            List<String> java = javaCommand(config);
            List<String> sandboxed = Sandbox.command(config,
                    new ChildMounts(List.of(jar, classes), channel, work.resolve("child")), java);
            run(java, work);
            run(sandboxed, work);
            double[] plain = new double[rounds];
            double[] inSandbox = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                plain[round] = run(java, work);
                inSandbox[round] = run(sandboxed, work);
            }
            Summary plainTimes = Summary.of(plain);
            Summary sandboxTimes = Summary.of(inSandbox);
            double plainMedian = plainTimes.median();
            double sandboxMedian = sandboxTimes.median();
            double plainBest = plainTimes.min();
            double sandboxBest = sandboxTimes.min();
            System.out.printf(Locale.ROOT, "test JVM without sandbox (baseline): median %.1f ms, best %.1f ms over %d starts%n",
                    plainMedian, plainBest, rounds);
            System.out.printf(Locale.ROOT, "test JVM in bubblewrap:              median %.1f ms, best %.1f ms over %d starts"
                    + " (median x%.3f)%n", sandboxMedian, sandboxBest, rounds, sandboxMedian / plainMedian);
            // The best of each is the cost itself; medians also carry whatever else the machine was doing.
            System.out.printf(Locale.ROOT, "sandbox_cost_ms=%.1f sandbox_cost_median_ms=%.1f%n", sandboxBest - plainBest,
                    sandboxMedian - plainMedian);
        } finally {
            Folders.deleteRecursively(work);
        }
    }

    /** The child JVM's command line as the grader builds it (grader.runner.ChildJvm). */
    private static List<String> javaCommand(GraderConfig config) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + config.heap(), "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(config.childJvmOptions());
        command.addAll(List.of("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Duser.language=en", "-cp",
                String.join(File.pathSeparator, config.childClasspath().stream().map(Path::toString).toList()),
                ChildMain.class.getName()));
        return command;
    }

    /**
     * What the grader pays for one test JVM, in milliseconds: from start until the child is ready for its
     * request (it warms up, then reads stdin: given none, it prints its first byte, a stack trace), plus
     * killing it and waiting for its exit, as {@code ChildJvm.close} does after the last report.
     */
    private static double run(List<String> command, Path work) throws Exception {
        Path child = Files.createDirectories(work.resolve("child"));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(child.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (process.getInputStream().read() < 0) {
            throw new IllegalStateException("a test JVM ended without a word: " + command);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a killed test JVM did not exit within 60 s: " + command);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
