package grader.selfcheck;

import grader.common.GraderConfig;
import grader.common.ReferenceTimes;
import grader.common.TimeLimitRule;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the reference times ({@link ReferenceTimes}): grades the bundled solution several times, one
 * submission at a time, each in a fresh child JVM exactly as a student's, then as many times again with every
 * test the only one of its own fresh JVM (after a timeout or a crash the remaining tests run in a fresh JVM,
 * so any test can be the first of its JVM, which pays for loading its classes and for its first
 * compilations), and keeps each test's slowest time, rounded up to 10 ms. The limits are generous while
 * measuring, so a slow run is measured, not cut.
 */
public final class ReferenceTimer {
    private static final Duration MEASURING_LIMIT = Duration.ofSeconds(60);

    private final GraderConfig config;
    private final int runs;

    public ReferenceTimer(GraderConfig config, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        this.config = config.toBuilder().testTimeout(MEASURING_LIMIT).totalTimeout(MEASURING_LIMIT.multipliedBy(10))
                .testJvms(1).build();
        this.runs = runs;
    }

    /** @throws IllegalStateException when the solution does not get full marks in some run */
    public ReferenceTimes measure(PrintWriter log) throws Exception {
        Map<String, Duration> slowest = new TreeMap<>();
        int tests;
        try (Grader grader = new Grader(config)) {
            tests = grader.plan().size();
            measureInto(grader, "all tests in one JVM", slowest, log);
        }
        try (Grader eachFirst = new Grader(config.toBuilder().testJvms(tests).build())) {
            measureInto(eachFirst, "each test first in its own JVM", slowest, log);
        }
        Map<String, Duration> rounded = new TreeMap<>();
        slowest.forEach((id, time) -> rounded.put(id, Duration.ofMillis((time.toMillis() + 9) / 10 * 10)));
        return new ReferenceTimes(rounded);
    }

    private void measureInto(Grader grader, String how, Map<String, Duration> slowest, PrintWriter log)
            throws Exception {
        for (int run = 1; run <= runs; run++) {
            GradeReport report = grader.gradeSource(config.kit().solutionModel());
            if (!report.fullMarks() || report.testTimes().size() != report.outcomes().size()) {
                throw new IllegalStateException("the solution did not get full marks in run " + run + " (" + how
                        + "), so its times mean nothing: run selfcheck to see why");
            }
            report.testTimes().forEach((id, time) -> slowest.merge(id, time, (a, b) -> a.compareTo(b) >= 0 ? a : b));
            log.printf(Locale.ROOT, "run %d of %d, %s: tests took %d ms%n", run, runs, how, report.testTime().toMillis());
            log.flush();
        }
    }

    /** The header of the bundled file: what the numbers are, how they were made, and the rule they feed. */
    public String[] comments() {
        return new String[] {
            "The reference solution's time per hidden test in ms, the slowest of " + runs + " grades, each in a fresh",
            "test JVM as for a student, and " + runs + " with each test the first of its own fresh JVM",
            "(" + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + "). Made by:",
            "  java -jar grader/target/grader.jar selfcheck --measure-times "
                    + "grader/exercise/src/main/resources/" + ReferenceTimes.RESOURCE,
            "Each test's time limit is max(" + TimeLimitRule.FLOOR.toMillis() / 1000.0 + " s, " + TimeLimitRule.FACTOR
                    + " x this), see grader.common.TimeLimitRule and docs/instructors.md#time-limits."};
    }
}
