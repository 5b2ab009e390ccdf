package grader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How fast {@code grade-all} grades a class, against grading each submission with Maven. Not a unit test:
 * run it from the repository's root after {@code mvn -B verify}:
 *
 * <pre>java -cp grader/bench/target/bench.jar grader.bench.GradeAllBenchmark [submissions] [maven-submissions] [work-folder]</pre>
 *
 * It generates a mixed class (default 50: correct, wrong, not compiling, hanging) and times
 * {@code grade-all --jobs 2} on it from a fresh JVM and an empty output folder (start-up and the class-data
 * archive included); then a class of correct submissions only (throughput for the common case); then one
 * {@code grade} of the solution; then the Maven baseline on the first few submissions of the mix (default
 * 5), scaled per submission. The last line is
 * {@code grade_all_per_sub_s=<x> maven_per_sub_s=<y> ratio=<y/x>}.
 */
public final class GradeAllBenchmark {
    private static final int JOBS = 2;
    private static final Path GRADER_JAR = Path.of("grader", "target", "grader.jar");
    /**
     * Shorter limits than the defaults (20 s per test, 5 min in all), so that a hanging submission costs seconds,
     * not minutes; long enough that a correct submission never times out on a busy machine (2 s was not).
     */
    private static final List<String> LIMITS = List.of("--test-timeout", "5", "--total-timeout", "15");

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

        List<BenchmarkClass.Generated> mixed = BenchmarkClass.mixed(submissions);
        Path mixedFolder = BenchmarkClass.write(work.resolve("mixed"), mixed);
        System.out.println("mixed class: " + BenchmarkClass.counts(mixed) + " in " + mixedFolder);
        double mixedSeconds = gradeAll(mixedFolder, work.resolve("mixed-out"));
        double perSubmission = mixedSeconds / mixed.size();
        System.out.printf(Locale.ROOT, "grade-all --jobs %d, mixed: %.1f s for %d submissions, %.3f s each%n", JOBS,
                mixedSeconds, mixed.size(), perSubmission);

        List<BenchmarkClass.Generated> correct = BenchmarkClass.correctOnes(Math.max(10, submissions / 2));
        double correctSeconds = gradeAll(BenchmarkClass.write(work.resolve("correct"), correct), work.resolve("correct-out"));
        System.out.printf(Locale.ROOT, "grade-all --jobs %d, correct only: %.1f s for %d submissions, %.2f submissions/s%n",
                JOBS, correctSeconds, correct.size(), correct.size() / correctSeconds);

        double single = timed(command("grade", mixedFolder.resolve(mixed.get(0).id()).toString()));
        System.out.printf(Locale.ROOT, "grade of one correct submission (fresh JVM): %.2f s%n", single);

        Path handout = MavenBaseline.handout(kitRoot, work.resolve("handout"));
        double mavenTotal = 0;
        int mavenCount = Math.min(mavenSubmissions, mixed.size());
        for (int i = 0; i < mavenCount; i++) {
            double seconds = MavenBaseline.timeOne(handout, work.resolve("maven-" + i), mixed.get(i).model());
            System.out.printf(Locale.ROOT, "mvn -o -q test, %s: %.1f s%n", mixed.get(i).id(), seconds);
            mavenTotal += seconds;
        }
        double mavenPerSubmission = mavenTotal / mavenCount;
        System.out.printf(Locale.ROOT, "grade_all_per_sub_s=%.3f maven_per_sub_s=%.3f ratio=%.1f%n", perSubmission,
                mavenPerSubmission, mavenPerSubmission / perSubmission);
    }

    private static double gradeAll(Path classFolder, Path out) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("grade-all", classFolder.toString(), "--out", out.toString(),
                "--jobs", String.valueOf(JOBS)));
        arguments.addAll(LIMITS);
        return timed(command(arguments.toArray(String[]::new)));
    }

    /** The grader's command line: the shipped grader/target/grader.jar, as instructors run it. */
    private static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", GRADER_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static double timed(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("failed (exit " + (process.isAlive() ? "none, still running" : process.exitValue())
                    + "): " + String.join(" ", command));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
