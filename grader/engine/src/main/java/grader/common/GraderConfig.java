package grader.common;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the grader treats a submission: limits of the child JVM, which hidden tests to run, and which
 * kit sources to compile with. Immutable; {@link #builder()} and {@link #toBuilder()} make changed copies.
 *
 * @param heap            the child JVM's -Xmx, e.g. {@code 256m}
 * @param testTimeout     time one test may take before its child JVM is killed
 * @param totalTimeout    time all tests of a submission may take together (compilation not counted)
 * @param hiddenPackage   package whose {@code @Points} methods are the hidden tests
 * @param staticCheck     false only in the grader's own tests, to reach runtime defences
 * @param kit             the kit sources compiled with every submission
 * @param childClasspath  class path of the child JVM: the grader jar, or this JVM's class path in a build
 * @param workRoot        where per-submission scratch folders go (deleted afterwards)
 * @param childJvmOptions JVM options of the child besides its heap, tuned for a short run
 * @param testJvms        child JVMs that share one submission's tests: 2 halves a single grade's wall time on
 *                        two idle cores; 1 when many submissions are graded at once
 * @param sandbox         whether each child JVM runs in a bubblewrap sandbox ({@code grader.sandbox})
 * @param childUser       the unprivileged operating-system user the child JVM runs as, if any (the grader
 *                        then runs as root, as on Gradescope)
 */
public record GraderConfig(String heap, Duration testTimeout, Duration totalTimeout, String hiddenPackage,
                           boolean staticCheck, KitSources kit, List<Path> childClasspath, Path workRoot,
                           List<String> childJvmOptions, int testJvms, SandboxMode sandbox,
                           Optional<String> childUser) {

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
        if (childUser.isPresent() && !childUser.get().matches("[a-z_][a-z0-9_-]*")) {
            throw new IllegalArgumentException("the child user must be a user name like grader-student, got '"
                    + childUser.get() + "'");
        }
    }

    /** The grader as shipped: 256m heap, 20 s per test, 5 min in all, the bundled kit and hidden tests. */
    public static GraderConfig defaults() {
        return builder().build();
    }

    /** A builder holding the shipped defaults; the bundled kit is read only if no other is set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This JVM's class path: the grader jar when run with -jar, the build's folders under Maven. */
    public static List<Path> thisClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath()).toList();
    }

    /** Changes one setting at a time; {@link #build()} checks them together. */
    public static final class Builder {
        private String heap = "256m";
        private Duration testTimeout = Duration.ofSeconds(20);
        private Duration totalTimeout = Duration.ofMinutes(5);
        private String hiddenPackage = DEFAULT_HIDDEN_PACKAGE;
        private boolean staticCheck = true;
        private KitSources kit;
        private List<Path> childClasspath = thisClasspath();
        private Path workRoot = Path.of(System.getProperty("java.io.tmpdir"));
        private List<String> childJvmOptions = System.getProperty("grader.childJvmOptions") == null
                ? DEFAULT_CHILD_JVM_OPTIONS : List.of(System.getProperty("grader.childJvmOptions").trim().split("\\s+"));
        private int testJvms = 1;
        private SandboxMode sandbox = SandboxMode.AUTO;
        private Optional<String> childUser = Optional.empty();

        private Builder() {}

        private Builder(GraderConfig config) {
            heap = config.heap;
            testTimeout = config.testTimeout;
            totalTimeout = config.totalTimeout;
            hiddenPackage = config.hiddenPackage;
            staticCheck = config.staticCheck;
            kit = config.kit;
            childClasspath = config.childClasspath;
            workRoot = config.workRoot;
            childJvmOptions = config.childJvmOptions;
            testJvms = config.testJvms;
            sandbox = config.sandbox;
            childUser = config.childUser;
        }

        public Builder hiddenPackage(String packageName) {
            hiddenPackage = packageName;
            return this;
        }

        /** @param value the child JVM's heap as -Xmx takes it, e.g. {@code 256m} or {@code 1g} */
        public Builder heap(String value) {
            if (!value.matches("[1-9][0-9]*[mMgG]")) {
                throw new IllegalArgumentException("the heap takes a size like 256m or 1g, got '" + value + "'");
            }
            heap = value;
            return this;
        }

        public Builder staticCheck(boolean enabled) {
            staticCheck = enabled;
            return this;
        }

        public Builder timeouts(Duration perTest, Duration total) {
            if (perTest.compareTo(Duration.ZERO) <= 0 || total.compareTo(Duration.ZERO) <= 0) {
                throw new IllegalArgumentException("timeouts must be positive, got " + perTest + " per test and "
                        + total + " in all");
            }
            testTimeout = perTest;
            totalTimeout = total;
            return this;
        }

        public Builder kit(KitSources sources) {
            kit = sources;
            return this;
        }

        /** Appends one option to the child JVM's command line. */
        public Builder addChildJvmOption(String option) {
            childJvmOptions = Stream.concat(childJvmOptions.stream(), Stream.of(option)).toList();
            return this;
        }

        public Builder workRoot(Path folder) {
            workRoot = folder;
            return this;
        }

        public Builder testJvms(int count) {
            testJvms = count;
            return this;
        }

        /** The child JVM's class path, e.g. the slim copy the sandbox package writes. */
        public Builder childClasspath(List<Path> entries) {
            childClasspath = List.copyOf(entries);
            return this;
        }

        public Builder sandbox(SandboxMode mode) {
            sandbox = mode;
            return this;
        }

        /** @param user the user the child JVM runs as, or empty for the grader's own user */
        public Builder childUser(Optional<String> user) {
            childUser = user;
            return this;
        }

        public GraderConfig build() {
            return new GraderConfig(heap, testTimeout, totalTimeout, hiddenPackage, staticCheck,
                    kit == null ? KitSources.bundled() : kit, childClasspath, workRoot, childJvmOptions, testJvms,
                    sandbox, childUser);
        }
    }
}
