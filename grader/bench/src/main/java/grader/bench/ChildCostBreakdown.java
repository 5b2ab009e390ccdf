package grader.bench;

import grader.batch.ChildStartup;
import grader.common.GraderConfig;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a correct submission's processor time goes in grade-all: the parent's compile (and supervision), and
 * the child JVM's phases as it traces them into its console ({@code -Dgrader.trace=true}): JVM start-up to
 * main, JUnit's launcher, the warm-up run, the tests (discovery, class loading, the tests themselves), and
 * over all of these the time its JIT compiler and garbage collector took. The submissions are graded one at
 * a time by one warm grader, with the batch's class-data archive, as grade-all grades each one.
 */
final class ChildCostBreakdown {
    private static final String PARENT = "parent: compile, check, supervise (all threads)";
    private static final Pattern MARK = Pattern.compile("\\[trace +[\\d.]+ ms, cpu +(\\d+) ms\\] child: (.*)");
    private static final Pattern JIT_GC = Pattern.compile("JIT (\\d+) ms, GC (\\d+) ms");
    private static final List<String> PHASES = List.of("main", "JUnit launcher created", "warm-up run done",
            "request read", "tests done");

    private ChildCostBreakdown() {}

    /**
     * Only the breakdown, also part of GradeAllBenchmark:
     * {@code java -cp grader/bench/target/bench.jar grader.bench.ChildCostBreakdown [grades=8]} (with the options of
     * {@link grader.cli.TunedJvm#OPTIONS} for the parent's line to count as shipped); the system property
     * {@code grader.childJvmOptions} tries other options for the child.
     */
    public static void main(String[] args) throws Exception {
        int grades = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path work = java.nio.file.Files.createTempDirectory("breakdown-");
        try {
            double seconds = printFor(grader.common.KitSources.bundled().solutionModel(), grades, work, System.out);
            System.out.printf(Locale.ROOT, "core_s_per_correct_submission=%.3f%n", seconds);
        } finally {
            grader.common.Folders.deleteRecursively(work);
        }
    }

    /** Grades the solution {@code grades} times and prints the mean core-milliseconds of each phase. */
    static double printFor(String model, int wanted, Path work, PrintStream out) throws Exception {
        GraderConfig config = ChildStartup.withClassDataArchive(GraderConfig.builder().workRoot(work)
                .addChildJvmOption("-Dgrader.trace=true").build(), work.resolve("state"), out);
        Map<String, Double> sums = new LinkedHashMap<>();
        sums.put(PARENT, 0.0);
        int counted = 0;
        try (Grader grader = new Grader(config)) {
            grader.gradeSource(model); // the parent's compiler warms up, as it has in a batch
            for (int i = 0; counted < wanted && i < 3 * wanted; i++) {
                // The whole process, not this thread: javac runs on its own thread, and the JIT and the collector
                // on theirs. Run it in a JVM with the grader's options (GradeAllBenchmark does) to count them as shipped.
                long parentStart = processCpuMillis();
                GradeReport report = grader.gradeSource(model + "\n// breakdown " + i + "\n");
                double parentMillis = processCpuMillis() - parentStart;
                if (!report.fullMarks()) {
                    throw new IllegalStateException("the solution lost points in the breakdown: " + report.outcomes());
                }
                // The console is read on its own thread: its last lines may come after the report was made.
                if (addChildPhases(report.console().text(), sums)) {
                    sums.merge(PARENT, parentMillis, Double::sum);
                    counted++;
                }
            }
        }
        if (counted == 0) {
            throw new IllegalStateException("no child traced all its phases");
        }
        int grades = counted;
        out.printf(Locale.ROOT, "where a correct submission's processor time goes (mean of %d grades, one at a time):%n",
                grades);
        double total = 0;
        for (Map.Entry<String, Double> phase : sums.entrySet()) {
            double millis = phase.getValue() / grades;
            boolean overlapping = phase.getKey().startsWith("  of which");
            total += overlapping ? 0 : millis;
            out.printf(Locale.ROOT, "  %-52s %6.0f ms%n", phase.getKey(), millis);
        }
        out.printf(Locale.ROOT, "  %-52s %6.0f ms%n", "total", total);
        return total / 1000;
    }

    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    /** @return false, adding nothing, when the console lacks the child's last marks */
    private static boolean addChildPhases(String console, Map<String, Double> sums) {
        Map<String, Long> cpuAt = new LinkedHashMap<>();
        long jit = -1;
        long gc = 0;
        for (String line : console.split("\n")) {
            Matcher mark = MARK.matcher(line.strip());
            if (mark.find()) {
                cpuAt.put(mark.group(2).strip(), Long.parseLong(mark.group(1)));
                Matcher jitGc = JIT_GC.matcher(mark.group(2));
                if (jitGc.find()) {
                    jit = Long.parseLong(jitGc.group(1));
                    gc = Long.parseLong(jitGc.group(2));
                }
            }
        }
        if (!cpuAt.containsKey("main") || !cpuAt.containsKey("tests done") || jit < 0) {
            return false;
        }
        long previous = 0;
        for (String phase : PHASES) {
            Long at = cpuAt.get(phase);
            String name = "child: " + (phase.equals("main") ? "JVM start to main" : "to " + phase);
            sums.merge(name, at == null ? 0.0 : (double) (at - previous), Double::sum);
            previous = at == null ? previous : at;
        }
        sums.merge("  of which the child's JIT compiler threads", (double) jit, Double::sum);
        sums.merge("  of which the child's VM thread (serial GC, safepoints)", (double) gc, Double::sum);
        return true;
    }
}
