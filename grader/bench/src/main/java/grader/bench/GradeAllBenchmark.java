package grader.bench;

import batchnorm.Summary;
import grader.cli.TunedJvm;
import grader.common.ChildJvmFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * How fast {@code grade-all} grades a class, against grading each submission with Maven. Not a unit test:
 * run it from the repository's root after {@code mvn -B verify}:
 *
 * <pre>java -cp grader/bench/target/bench.jar grader.bench.GradeAllBenchmark [submissions] [maven-submissions] [work-folder]</pre>
 *
 * Every grade runs the shipped grader/target/grader.jar from a fresh JVM with its shipped time limits, all with
 * one temp folder of this run's own, so the per-user cache (the test JVMs' slim class path and start-up archive,
 * grader.command.ChildIsolation#cacheFolder) starts empty. In order: a mixed class (default 50: correct, wrong,
 * not compiling, hanging) from an empty output folder (start-up and making the archive included, as in the first
 * run of a grader on a machine); a class of correct submissions only (throughput for the common case: it finds the
 * archive, as every later run does), measured in wall time and core-seconds (every process's processor time);
 * the same class again with one choice about the test JVM changed at a time (each line is its own same-run
 * comparison with "as shipped"); the same class in an empty cache of its own (the first run's price); where one correct submission's processor time goes ({@link ChildCostBreakdown}); a class
 * with three runaways (submissions + 10, so 60 by default); one endless loop graded alone; single {@code grade}s of a
 * correct submission, alternating with grades in the JVM {@code java -jar} starts ({@link TunedJvm} off); and the Maven baseline on the first few
 * submissions of the mix (default 5), scaled per submission. It ends with {@code name=value} lines, the
 * last one {@code grade_all_per_sub_s=<x> maven_per_sub_s=<y> ratio=<y/x>} (both {@code unmeasured} where Maven could not
 * run the self-checks offline, as the line before says).
 */
public final class GradeAllBenchmark {
    private static final int JOBS = 2;
    /** Single grades of the same submission, alternating with and without the grader's tuned JVM. */
    private static final int SINGLE_GRADES = 5;
    private static final Path GRADER_JAR = Path.of("grader", "target", "grader.jar");
    private static final String DEFAULT_OPTIONS = String.join(" ", ChildJvmFlags.DEFAULTS);

    /** One way to run the test JVMs: the grader's JVM options that select it. */
    private record Variant(String name, List<String> graderJvmOptions) {}

    private static final List<Variant> VARIANTS = java.util.stream.Stream.of(
            new Variant("as_shipped", List.of()),
            new Variant("grader_jvm_untuned", List.of("-D" + TunedJvm.TUNED_PROPERTY + "=false")),
            new Variant("no_warm_up", List.of("-Dgrader.childJvmOptions=" + DEFAULT_OPTIONS + " -Dgrader.warmUp=false")),
            new Variant("warm_up_20_rounds", List.of("-Dgrader.childJvmOptions=" + DEFAULT_OPTIONS
                    + " -Dgrader.warmUpRounds=20")),
            new Variant("no_class_data_archive", List.of("-Dgrader.classDataArchive=false")),
            // Only where the shipped archive is an AOT cache (JDK 25 and later): the class-data archive instead.
            Runtime.version().feature() >= 25
                    ? new Variant("class_data_not_aot_cache", List.of("-Dgrader.classDataArchive=class-data")) : null,
            new Variant("c2_jit_too", List.of("-Dgrader.childJvmOptions="
                    + DEFAULT_OPTIONS.replace("-XX:TieredStopAtLevel=1", "").strip())),
            new Variant("default_jit_thresholds", List.of("-Dgrader.childJvmOptions="
                    + DEFAULT_OPTIONS.replace("-XX:CompileThresholdScaling=3", "").strip())),
            new Variant("g1_gc", List.of("-Dgrader.childJvmOptions=" + DEFAULT_OPTIONS.replace("-XX:+UseSerialGC", "")
                    .strip()))).filter(java.util.Objects::nonNull).toList();

    /** The temp folder of every grader command of this run (see the class comment), set first thing in main. */
    private static Path tempFolder;

    private GradeAllBenchmark() {}

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int mavenSubmissions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("grade-all-bench-");
        Path kitRoot = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(kitRoot.resolve("student")) || !Files.isDirectory(kitRoot.resolve("autodiff"))) {
            System.err.println("Run the benchmark from the repository's root (it needs student/ and autodiff/ for Maven).");
            System.exit(2);
        }
        if (!Files.isRegularFile(GRADER_JAR)) {
            System.err.println("No " + GRADER_JAR + ": build it first with mvn -B verify (or mvn -B -ntp -pl grader -am package).");
            System.exit(2);
        }
        tempFolder = Files.createDirectories(work.resolve("tmp"));
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + loadAverage() + " (other work on the machine slows every line alike; compare within one run)");

        List<BenchmarkClass.Generated> mixed = BenchmarkClass.mixed(submissions);
        Path mixedFolder = BenchmarkClass.write(work.resolve("mixed"), mixed);
        System.out.println("mixed class: " + BenchmarkClass.counts(mixed) + " in " + mixedFolder);
        TimedCommand.Measured mixedRun = gradeAll(List.of(), mixedFolder, work.resolve("mixed-out"));
        double perSubmission = mixedRun.wallSeconds() / mixed.size();
        System.out.printf(Locale.ROOT, "grade-all --jobs %d, mixed: %.1f s for %d submissions, %.3f s each%n", JOBS,
                mixedRun.wallSeconds(), mixed.size(), perSubmission);

        List<BenchmarkClass.Generated> correct = BenchmarkClass.correctOnes(Math.max(10, submissions / 2));
        Path correctFolder = BenchmarkClass.write(work.resolve("correct"), correct);
        List<String> results = new ArrayList<>();
        double shippedPerSecond = 0;
        double shippedCorePerSubmission = 0;
        // -Dbench.variants=false skips the comparisons (a quicker run of the other lines).
        boolean variants = !"false".equals(System.getProperty("bench.variants"));
        List<Variant> runs = new ArrayList<>(variants ? VARIANTS : VARIANTS.subList(0, 1));
        // Last, the same class as the first run of a grader on a machine (or after an upgrade) grades it: it makes
        // the slim class path and the archive itself, in a temp folder of its own.
        runs.add(new Variant("empty_cache", List.of("-Djava.io.tmpdir="
                + Files.createDirectories(work.resolve("tmp-empty-cache")))));
        for (Variant variant : runs) {
            TimedCommand.Measured run = gradeAll(variant.graderJvmOptions(), correctFolder,
                    work.resolve("correct-out-" + variant.name()));
            double perSecond = correct.size() / run.wallSeconds();
            double corePerSubmission = run.coreSeconds() / correct.size();
            if (variant.name().equals("as_shipped")) {
                shippedPerSecond = perSecond;
                shippedCorePerSubmission = corePerSubmission;
            }
            System.out.printf(Locale.ROOT, "grade-all --jobs %d, correct only, %-22s %5.1f s for %d: %.2f submissions/s,"
                    + " %.3f core-s each%n", JOBS, variant.name() + ":", run.wallSeconds(), correct.size(), perSecond,
                    corePerSubmission);
            results.add(String.format(Locale.ROOT, "correct_per_s_%s=%.2f core_s_each_%s=%.3f", variant.name(), perSecond,
                    variant.name(), corePerSubmission));
        }

        breakdownInTheGradersJvm();

        // 60 by default, as in the figure; smaller with a smaller class (CI runs 8).
        List<BenchmarkClass.Generated> runaways = BenchmarkClass.withRunaways(submissions + 10);
        TimedCommand.Measured runawayRun = gradeAll(List.of(), BenchmarkClass.write(work.resolve("runaways"), runaways),
                work.resolve("runaways-out"));
        System.out.printf(Locale.ROOT, "grade-all --jobs %d, %d with 3 runaways (endless loop, wait forever, memory):"
                + " %.1f s, %.2f submissions/s%n", JOBS, runaways.size(), runawayRun.wallSeconds(),
                runaways.size() / runawayRun.wallSeconds());
        System.out.println("  each runaway's own grade: " + runawaySeconds(work.resolve("runaways-out")));

        Path endless = work.resolve("runaways").resolve("runaway-endless-loop");
        TimedCommand.Measured endlessRun = TimedCommand.run(command(List.of(), "grade", endless.toString()));
        System.out.printf(Locale.ROOT, "grade of one endless loop in evaluation mode (fresh JVM): %.1f s%n",
                endlessRun.wallSeconds());

        // Alternating, so that load elsewhere on the machine hits both alike; the untuned one is grade as it was.
        String first = mixedFolder.resolve(mixed.get(0).id()).toString();
        double[] singleWall = new double[SINGLE_GRADES];
        double[] singleCore = new double[SINGLE_GRADES];
        double[] untunedWall = new double[SINGLE_GRADES];
        double[] untunedCore = new double[SINGLE_GRADES];
        for (int i = 0; i < SINGLE_GRADES; i++) {
            TimedCommand.Measured tuned = TimedCommand.run(command(List.of(), "grade", first));
            singleWall[i] = tuned.wallSeconds();
            singleCore[i] = tuned.coreSeconds();
            TimedCommand.Measured untuned = TimedCommand.run(command(List.of("-D" + TunedJvm.TUNED_PROPERTY + "=false"),
                    "grade", first));
            untunedWall[i] = untuned.wallSeconds();
            untunedCore[i] = untuned.coreSeconds();
        }
        double singleWallMedian = Summary.of(singleWall).median();
        double untunedWallMedian = Summary.of(untunedWall).median();
        System.out.printf(Locale.ROOT, "grade of one correct submission (fresh JVM, median of %d): %.2f s, %.2f core-s;"
                + " in the JVM java -jar starts (grader_jvm_untuned): %.2f s, %.2f core-s%n", SINGLE_GRADES,
                singleWallMedian, Summary.of(singleCore).median(), untunedWallMedian, Summary.of(untunedCore).median());

        Path handout = MavenBaseline.handout(kitRoot, work.resolve("handout"));
        double mavenTotal = 0;
        int mavenCount = Math.min(mavenSubmissions, mixed.size());
        OptionalDouble mavenPerSubmission = OptionalDouble.empty();
        try {
            for (int i = 0; i < mavenCount; i++) {
                double seconds = MavenBaseline.timeOne(handout, work.resolve("maven-" + i), mixed.get(i).model());
                System.out.printf(Locale.ROOT, "mvn -o -q test, %s: %.1f s%n", mixed.get(i).id(), seconds);
                mavenTotal += seconds;
            }
            mavenPerSubmission = OptionalDouble.of(mavenTotal / mavenCount);
        } catch (MavenBaseline.NotRun notRun) {
            System.out.println("Maven baseline: could not measure it: " + notRun.getMessage());
        }
        results.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "correct_per_s=%.2f core_s_per_correct=%.3f mixed_s_each=%.3f runaways_per_s=%.2f"
                        + " endless_loop_alone_s=%.1f single_grade_s=%.2f single_grade_untuned_s=%.2f%n", shippedPerSecond,
                shippedCorePerSubmission, perSubmission, runaways.size() / runawayRun.wallSeconds(), endlessRun.wallSeconds(),
                singleWallMedian, untunedWallMedian);
        String maven = mavenPerSubmission.isEmpty() ? "unmeasured"
                : String.format(Locale.ROOT, "%.3f", mavenPerSubmission.getAsDouble());
        String ratio = mavenPerSubmission.isEmpty() ? "unmeasured"
                : String.format(Locale.ROOT, "%.1f", mavenPerSubmission.getAsDouble() / perSubmission);
        System.out.printf(Locale.ROOT, "grade_all_per_sub_s=%.3f maven_per_sub_s=%s ratio=%s%n", perSubmission, maven, ratio);
    }

    /**
     * {@link ChildCostBreakdown} in a JVM with the options the grader's own JVM runs with ({@link TunedJvm}), so that
     * its parent line (javac, the JIT compiling javac, supervision) counts what grade-all costs as shipped.
     */
    private static void breakdownInTheGradersJvm() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(TunedJvm.OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildCostBreakdown.class.getName(), "8"));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("the breakdown failed with exit code " + exit);
        }
    }

    private static TimedCommand.Measured gradeAll(List<String> graderJvmOptions, Path classFolder, Path out)
            throws IOException, InterruptedException {
        return TimedCommand.run(command(graderJvmOptions, "grade-all", classFolder.toString(), "--out", out.toString(),
                "--jobs", String.valueOf(JOBS)));
    }

    /** The grader's command line: the shipped grader/target/grader.jar, as instructors run it. */
    private static List<String> command(List<String> graderJvmOptions, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Djava.io.tmpdir=" + tempFolder);  // first, so that a variant's own temp folder wins
        command.addAll(graderJvmOptions);
        command.addAll(List.of("-jar", GRADER_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The seconds grade-all's summary gives each runaway (its slowest list), e.g. "wait-forever 10.4 s". */
    private static String runawaySeconds(Path out) throws IOException {
        com.google.gson.JsonObject summary = com.google.gson.JsonParser.parseString(
                Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        List<String> each = new ArrayList<>();
        for (com.google.gson.JsonElement slow : summary.getAsJsonArray("slowest")) {
            String id = slow.getAsJsonObject().get("id").getAsString();
            if (id.startsWith("runaway-")) {
                each.add(String.format(Locale.ROOT, "%s %.1f s", id.substring("runaway-".length()),
                        slow.getAsJsonObject().get("seconds").getAsDouble()));
            }
        }
        return each.isEmpty() ? "not in summary.json" : String.join(", ", each);
    }

    private static String loadAverage() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/loadavg"))) {
            return lines.findFirst().map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3))).orElse("?");
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }
}
