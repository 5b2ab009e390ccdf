package grader.runner;

import grader.common.TimeLimitRule;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The clocks of the test a child JVM is running. Processor time counts against the test's limit: an endless
 * loop uses it up at the rate of one core, and a busy machine (other submissions, other users) hardly
 * stretches it, so a correct submission does not time out because the machine was loaded. Code that waits
 * instead of computing is stopped by wall time ({@link TimeLimitRule}): once the test has run for its limit,
 * if it used almost no processor time during the last {@link TimeLimitRule#WAITING_WINDOW} and none of its
 * threads wants a processor (a starved child on a loaded machine has one waiting in the run queue); where
 * that cannot be told, after {@link TimeLimitRule#wallLimitFor} its limit. The clocks restart whenever the
 * child reports progress. Before the child's first test starts only the wall clock runs, with extra time:
 * JVM start-up and JUnit's discovery are not the student's time.
 */
final class TestClock {
    /** How often the processor clock is read while no message arrives and the test is far from its limit. */
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    /**
     * The shortest gap between two readings near the limit: Linux counts a process's processor time in ticks of
     * 10 ms, so reading more often cannot stop a runaway sooner.
     */
    static final Duration CHECK_AT_LEAST_AFTER = Duration.ofMillis(10);
    /** Its wording does not depend on which of the two rules for waiting code stopped the test: same JSON. */
    static final String WAITED = "timed out while waiting: the test stopped computing and did not finish. Does the"
            + " code wait for something that never happens, such as wait() or join()?";

    /** What the clocks read of a child: {@link ChildJvm}, or a stand-in in tests. */
    interface Watched {
        /** Processor time used so far. */
        Duration cpuTime();

        /** Whether a thread wants a processor right now; empty where that cannot be told. */
        Optional<Boolean> wantsProcessor();

        /**
         * Whether its console's pipe was found backed up at or after {@code wallNanos} (on the clock's scale): the
         * child printed faster than the parent read ({@link ConsoleCapture.Reader}).
         */
        boolean consoleBackedUpSince(long wallNanos);
    }

    private record Reading(long wall, Duration cpu) {}

    private final Watched child;
    private final LongSupplier wallClock;
    private long wallAtProgress;
    /** Null until the first test started. */
    private Duration cpuAtProgress;
    /** Where the processor time of the test now running started: the previous test's end, or its own start. */
    private Duration cpuAtTestStart;
    /** The processor clock since the last progress, oldest first, reaching back about one waiting window. */
    private final ArrayDeque<Reading> readings = new ArrayDeque<>();

    TestClock(Watched child, Duration startGrace) {
        this(child, startGrace, System::nanoTime);
    }

    /** @param wallClock nanoseconds, as {@link System#nanoTime} */
    TestClock(Watched child, Duration startGrace, LongSupplier wallClock) {
        this.child = child;
        this.wallClock = wallClock;
        this.wallAtProgress = wallClock.getAsLong() + startGrace.toNanos();
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
        wallAtProgress = wallClock.getAsLong();
        cpuAtProgress = child.cpuTime();
        readings.clear();
        readings.addLast(new Reading(wallAtProgress, cpuAtProgress));
    }

    /** How long to wait for the child's next message before looking at the clocks again. */
    Duration nextCheck(Duration limit, long totalDeadline) {
        long now = wallClock.getAsLong();
        long until = Math.min(Math.min(wallAtProgress + TimeLimitRule.wallLimitFor(limit).toNanos(), totalDeadline),
                now + checkInterval(limit));
        return Duration.ofNanos(Math.max(0, until - now));
    }

    /**
     * Every {@link #CHECK_EVERY}, but sooner as the running test's processor time nears its limit: half the time it
     * has left, so that an endless loop, which uses a core's worth of it, is stopped within about a tick of its
     * limit instead of up to a whole interval after it (7 timed-out tests of one submission cost about 0.1 s each).
     */
    private long checkInterval(Duration limit) {
        Reading latest = readings.peekLast();
        if (cpuAtProgress == null || latest == null) {
            return CHECK_EVERY.toNanos();
        }
        long left = limit.minus(latest.cpu().minus(cpuAtProgress)).toNanos();
        return Math.max(CHECK_AT_LEAST_AFTER.toNanos(), Math.min(CHECK_EVERY.toNanos(), left / 2));
    }

    /** Why the running test is out of time, or empty while it may go on. Reads the clocks. */
    Optional<String> exceeded(Duration limit) {
        long now = wallClock.getAsLong();
        long waited = now - wallAtProgress;
        if (cpuAtProgress == null) {
            return waited >= TimeLimitRule.wallLimitFor(limit).toNanos() ? Optional.of(WAITED) : Optional.empty();
        }
        Reading latest = new Reading(now, child.cpuTime());
        readings.addLast(latest);
        Duration computed = latest.cpu().minus(cpuAtProgress);
        if (computed.compareTo(limit) > 0) {
            return Optional.of(computedTooLong(limit));
        }
        if (waited >= limit.toNanos() && idleDuringWindow(latest) && !child.wantsProcessor().orElse(true)) {
            return Optional.of(waitedOrPrinted(now, limit));
        }
        // Where the child's threads cannot be seen: one that computes, however slowly, goes on until its processor
        // time runs out; one that has hardly computed since its last progress is stopped.
        if (waited >= TimeLimitRule.wallLimitFor(limit).toNanos()
                && computed.toNanos() < waited * TimeLimitRule.WAITING_SHARE) {
            return Optional.of(waitedOrPrinted(now, limit));
        }
        return Optional.empty();
    }

    private static String computedTooLong(Duration limit) {
        return "timed out after " + seconds(limit) + " of computing: an endless loop, or a very slow one?";
    }

    /**
     * The words for a test the waiting rules stop. A flood of output on a loaded machine hardly computes: it is
     * blocked on a pipe that the parent reads slowly, and looks like waiting code. It is stopped when waiting code
     * would be (counting the time it waits for the parent as its own would charge a correct submission that prints
     * a lot for the parent's slowness), but in the words it gets when the parent keeps up and its processor time
     * runs out, so that its message, and the JSON, do not depend on the load.
     */
    private String waitedOrPrinted(long now, Duration limit) {
        boolean blockedOnItsConsole = child.consoleBackedUpSince(now - TimeLimitRule.WAITING_WINDOW.toNanos());
        return blockedOnItsConsole ? computedTooLong(limit) : WAITED;
    }

    /**
     * Whether the running test looks like a runaway, from the last reading: it has computed half its limit, or
     * waited half its limit while hardly computing. Then a replacement child is worth starting early.
     */
    boolean halfwayOut(Duration limit) {
        Reading latest = readings.peekLast();
        if (cpuAtProgress == null || latest == null) {
            return false;
        }
        long waited = latest.wall() - wallAtProgress;
        long computed = latest.cpu().minus(cpuAtProgress).toNanos();
        return computed * 2 >= limit.toNanos()
                || (waited * 2 >= limit.toNanos() && computed < waited * TimeLimitRule.WAITING_SHARE);
    }

    /**
     * Whether the child used less than its waiting share of a core during the last waiting window. The window
     * stays 1 s under a shorter limit: with 21 test JVMs on 2 cores, a starved JVM computing a correct test got
     * under 5% of a core in half a second and was taken for waiting (TimeLimitsTest, in CI).
     */
    private boolean idleDuringWindow(Reading latest) {
        long window = TimeLimitRule.WAITING_WINDOW.toNanos();
        // Keep the newest reading that is at least one window old as the window's start.
        while (readings.size() > 2 && latest.wall() - secondOldest().wall() >= window) {
            readings.removeFirst();
        }
        Reading start = readings.peekFirst();
        long span = latest.wall() - start.wall();
        return span >= window && latest.cpu().minus(start.cpu()).toNanos() < span * TimeLimitRule.WAITING_SHARE;
    }

    private Reading secondOldest() {
        Iterator<Reading> oldestFirst = readings.iterator();
        oldestFirst.next();
        return oldestFirst.next();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
