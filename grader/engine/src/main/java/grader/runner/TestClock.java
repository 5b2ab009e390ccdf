package grader.runner;

import grader.common.TimeLimitRule;
import java.time.Duration;
import java.util.Optional;

/**
 * The clocks of the test a child JVM is running. Processor time counts against the test's limit: an endless
 * loop uses it up at the rate of one core, and a busy machine (other submissions, other users) hardly
 * stretches it, so a correct submission does not time out because the machine was loaded. Wall time counts
 * against a multiple of the limit ({@link TimeLimitRule#wallLimitFor}), for code that waits instead of
 * computing: it stops a child that has hardly computed in that time. Both restart whenever the child reports
 * progress. Before the child's first test starts only
 * the wall clock runs, with extra time: JVM start-up and JUnit's discovery are not the student's time.
 */
final class TestClock {
    /** How often the processor clock is read while no message arrives. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    /**
     * Below this share of one core, a child is waiting, not computing: a JVM that waits uses next to nothing,
     * while a test on a machine loaded ten times over still gets a tenth of a core.
     */
    private static final double WAITING_SHARE = 0.05;

    private final ChildJvm child;
    private long wallAtProgress;
    /** Null until the first test started. */
    private Duration cpuAtProgress;
    /** Where the processor time of the test now running started: the previous test's end, or its own start. */
    private Duration cpuAtTestStart;

    TestClock(ChildJvm child, Duration startGrace) {
        this.child = child;
        this.wallAtProgress = System.nanoTime() + startGrace.toNanos();
    }

    void testStarted() {
        progress();
        if (cpuAtTestStart == null) {
            cpuAtTestStart = cpuAtProgress;
        }
    }

    /** @return the processor time the test took, as its limit counts it (what the reference times measure) */
    Duration testFinished() {
        progress();
        Duration used = cpuAtTestStart == null ? Duration.ZERO : cpuAtProgress.minus(cpuAtTestStart);
        cpuAtTestStart = cpuAtProgress;
        return used;
    }

    private void progress() {
        wallAtProgress = System.nanoTime();
        cpuAtProgress = child.cpuTime();
    }

    /** How long to wait for the child's next message before looking at the clocks again. */
    Duration nextCheck(Duration limit, long totalDeadline) {
        long until = Math.min(Math.min(wallAtProgress + TimeLimitRule.wallLimitFor(limit).toNanos(), totalDeadline),
                System.nanoTime() + CHECK_EVERY.toNanos());
        return Duration.ofNanos(Math.max(0, until - System.nanoTime()));
    }

    /** Why the running test is out of time, or empty while it may go on. */
    Optional<String> exceeded(Duration limit) {
        Duration computed = cpuAtProgress == null ? Duration.ZERO : child.cpuTime().minus(cpuAtProgress);
        if (cpuAtProgress != null && computed.compareTo(limit) > 0) {
            return Optional.of("timed out after " + seconds(limit) + " of computing: an endless loop, or a very slow one?");
        }
        Duration wallLimit = TimeLimitRule.wallLimitFor(limit);
        long waited = System.nanoTime() - wallAtProgress;
        // A child that computes, however slowly (a busy machine), goes on until its processor time runs out;
        // one that has only waited since its last progress is stopped.
        if (waited >= wallLimit.toNanos() && computed.toNanos() < waited * WAITING_SHARE) {
            return Optional.of("timed out after " + seconds(wallLimit) + " without finishing, and almost without"
                    + " computing: does the code wait for something that never happens?");
        }
        return Optional.empty();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
