package grader.pipeline;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the grader treats a submission: limits of the child JVM, which hidden tests to run, and which
 * kit sources to compile with. Immutable; the {@code with...} methods return changed copies.
 *
 * @param heap           the child JVM's -Xmx, e.g. {@code 256m}
 * @param testTimeout    time one test may take before its child JVM is killed
 * @param totalTimeout   time all tests of a submission may take together (compilation not counted)
 * @param hiddenPackage  package whose {@code @Points} methods are the hidden tests
 * @param staticCheck    false only in the grader's own tests, to reach runtime defences
 * @param childClasspath class path of the child JVM: the grader jar, or this JVM's class path in a build
 * @param workRoot       where per-submission scratch folders go (deleted afterwards)
 * @param childJvmOptions JVM options of the child besides its heap, tuned for a short run
 * @param testJvms       child JVMs that share one submission's tests: 2 halves a single grade's wall time on
 *                       two idle cores; 1 when many submissions are graded at once
 */
public record GraderConfig(String heap, Duration testTimeout, Duration totalTimeout, String hiddenPackage,
                           boolean staticCheck, KitSources kit, List<Path> childClasspath, Path workRoot,
                           List<String> childJvmOptions, int testJvms) {

    public static final String DEFAULT_HIDDEN_PACKAGE = "grader.hidden";

    /**
     * Start-up dominates a short test run: C1 only (the tests are too short for C2 to pay off), serial GC,
     * the JDK's class-data archive, no hsperfdata file in /tmp. Override with the system property
     * {@code grader.childJvmOptions} (space separated) to experiment.
     */
    public static final List<String> DEFAULT_CHILD_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData");

    public GraderConfig {
        if (testJvms < 1) {
            throw new IllegalArgumentException("testJvms must be at least 1, got " + testJvms);
        }
        childClasspath = List.copyOf(childClasspath);
        childJvmOptions = List.copyOf(childJvmOptions);
    }

    /** The grader as shipped: 256m heap, 20 s per test, 5 min in all, the bundled kit and hidden tests. */
    public static GraderConfig defaults() {
        return new GraderConfig("256m", Duration.ofSeconds(20), Duration.ofMinutes(5), DEFAULT_HIDDEN_PACKAGE, true,
                KitSources.bundled(), thisClasspath(), Path.of(System.getProperty("java.io.tmpdir")),
                System.getProperty("grader.childJvmOptions") == null ? DEFAULT_CHILD_JVM_OPTIONS
                        : List.of(System.getProperty("grader.childJvmOptions").trim().split("\\s+")), 1);
    }

    /** This JVM's class path: the grader jar when run with -jar, the build's folders under Maven. */
    public static List<Path> thisClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath()).toList();
    }

    public GraderConfig withHeap(String newHeap) {
        return new GraderConfig(newHeap, testTimeout, totalTimeout, hiddenPackage, staticCheck, kit, childClasspath,
                workRoot, childJvmOptions, testJvms);
    }

    public GraderConfig withTimeouts(Duration perTest, Duration total) {
        return new GraderConfig(heap, perTest, total, hiddenPackage, staticCheck, kit, childClasspath, workRoot,
                childJvmOptions, testJvms);
    }

    public GraderConfig withHiddenPackage(String packageName) {
        return new GraderConfig(heap, testTimeout, totalTimeout, packageName, staticCheck, kit, childClasspath,
                workRoot, childJvmOptions, testJvms);
    }

    public GraderConfig withStaticCheck(boolean enabled) {
        return new GraderConfig(heap, testTimeout, totalTimeout, hiddenPackage, enabled, kit, childClasspath, workRoot,
                childJvmOptions, testJvms);
    }

    public GraderConfig withKit(KitSources newKit) {
        return new GraderConfig(heap, testTimeout, totalTimeout, hiddenPackage, staticCheck, newKit, childClasspath,
                workRoot, childJvmOptions, testJvms);
    }

    public GraderConfig withTestJvms(int count) {
        return new GraderConfig(heap, testTimeout, totalTimeout, hiddenPackage, staticCheck, kit, childClasspath, workRoot,
                childJvmOptions, count);
    }

    public GraderConfig withWorkRoot(Path folder) {
        return new GraderConfig(heap, testTimeout, totalTimeout, hiddenPackage, staticCheck, kit, childClasspath,
                folder, childJvmOptions, testJvms);
    }
}
