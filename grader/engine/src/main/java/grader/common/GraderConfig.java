package grader.common;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How the grader treats a submission: limits of the child JVM, which hidden tests to run, and which
 * kit sources to compile with. Immutable; {@link #builder()} and {@link #toBuilder()} make changed copies.
 *
 * @param heap            the child JVM's -Xmx, e.g. {@code 256m}
 * @param testTimeout     processor time a test not in {@code testLimits} may use before its child JVM is
 *                        killed (code that waits instead: that in wall time, {@link TimeLimitRule})
 * @param totalTimeout    wall time all tests of a submission may take together (compilation not counted)
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
 * @param testLimits      processor-time limit by test id, from the reference times ({@link TimeLimitRule});
 *                        empty when the instructor set one limit for all tests
 */
public record GraderConfig(String heap, Duration testTimeout, Duration totalTimeout, String hiddenPackage,
                           boolean staticCheck, KitSources kit, List<Path> childClasspath, Path workRoot,
                           List<String> childJvmOptions, int testJvms, SandboxMode sandbox,
                           Optional<String> childUser, Map<String, Duration> testLimits) {

    public static final String DEFAULT_HIDDEN_PACKAGE = "grader.hidden";

    /** The child's JVM options besides its heap, as shipped: see {@link ChildJvmFlags#DEFAULTS}. */
    public static final List<String> DEFAULT_CHILD_JVM_OPTIONS = ChildJvmFlags.DEFAULTS;

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
        testLimits = Map.copyOf(testLimits);
    }

    /** The time limit of one test: its own, from the reference times, or else {@link #testTimeout}. */
    public Duration timeLimitOf(String testId) {
        return testLimits.getOrDefault(testId, testTimeout);
    }

    /**
     * The grader as shipped: 256m heap, the bundled kit and hidden tests, and time limits from the bundled
     * reference times ({@link TimeLimitRule}); without those, 20 s per test and 5 min in all.
     */
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
        private final Optional<ReferenceTimes> reference = ReferenceTimes.bundled();
        private Duration testTimeout = Duration.ofSeconds(20);
        /** Null: follows from the per-test limits. */
        private Duration totalTimeout;
        private Map<String, Duration> testLimits = reference.map(Builder::limitsFrom).orElse(Map.of());
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
            testLimits = config.testLimits;
        }

        private static Map<String, Duration> limitsFrom(ReferenceTimes times) {
            Map<String, Duration> limits = new TreeMap<>();
            times.byTest().forEach((id, time) -> limits.put(id, TimeLimitRule.limitFor(time)));
            return limits;
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

        /** One limit for every test and one for all together, instead of those from the reference times. */
        public Builder timeouts(Duration perTest, Duration total) {
            return testTimeout(perTest).totalTimeout(total);
        }

        /** One limit for every test (the instructor's {@code --test-timeout}). */
        public Builder testTimeout(Duration perTest) {
            testTimeout = positive(perTest, "the time limit per test");
            testLimits = Map.of();
            return this;
        }

        /** The limit for all tests together (the instructor's {@code --total-timeout}). */
        public Builder totalTimeout(Duration total) {
            totalTimeout = positive(total, "the time limit for all tests");
            return this;
        }

        /** Per-test limits from these reference times ({@link TimeLimitRule}), e.g. freshly measured ones. */
        public Builder referenceTimes(ReferenceTimes times) {
            testLimits = limitsFrom(times);
            return this;
        }

        private static Duration positive(Duration limit, String what) {
            if (limit.compareTo(Duration.ZERO) <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + limit);
            }
            return limit;
        }

        /**
         * Unless set: the sum the rule gives for the tests the reference times list (with the one limit, if the
         * instructor set one), or 5 min when there are no reference times.
         */
        private Duration derivedTotal() {
            if (totalTimeout != null) {
                return totalTimeout;
            }
            if (!testLimits.isEmpty()) {
                return TimeLimitRule.totalFor(testLimits.values());
            }
            return reference.map(times -> TimeLimitRule.totalFor(Collections.nCopies(times.byTest().size(), testTimeout)))
                    .orElse(Duration.ofMinutes(5));
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
            return new GraderConfig(heap, testTimeout, derivedTotal(), hiddenPackage, staticCheck,
                    kit == null ? KitSources.bundled() : kit, childClasspath, workRoot, childJvmOptions, testJvms,
                    sandbox, childUser, testLimits);
        }
    }
}
