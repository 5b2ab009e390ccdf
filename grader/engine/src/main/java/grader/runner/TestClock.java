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
 * child reports progress. Before the child's first test, JVM start-up and JUnit's discovery are not the student's
 * time: until the child connects ({@link #connected}) it runs only the grader's own code (its JVM's start and the
 * warm-up), and only a generous wall clock guards it; from its connection to its first test it loads the submission
 * and the tests, under the rules of a test whose limit is the start grace. A machine loaded far beyond its cores
 * stretches that time in wall time but hardly in processor time. A wall clock alone judged it before (10 s, plus 3 x
 * the test's limit, from the request): with 21 test JVMs on 2 cores in CI, a correct submission lost the 19 tests
 * whose limit was the floor and kept the two with the longest, as that rule would have it.
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
    private final Duration startGrace;
    private Phase phase = Phase.CONNECTING;
    private long wallAtProgress;
    /** Null until the child connected. */
    private Duration cpuAtProgress;
    /** Where the processor time of the test now running started: the previous test's end, or its own start. */
    private Duration cpuAtTestStart;
    /** The processor clock since the last progress, oldest first, reaching back about one waiting window. */
    private final ArrayDeque<Reading> readings = new ArrayDeque<>();

    /** What the child is doing, as far as the clocks are concerned. */
    private enum Phase {
        /** Starting its JVM and warming up: the grader's code only, judged by the wall clock alone. */
        CONNECTING,
        /** Connected, loading the submission and the tests: the start grace is its limit. */
        LOADING,
        /** Running the tests: each test's own limit. */
        TESTING
    }

    /**
     * @param connectGrace extra wall time for the child to connect: it starts its JVM and warms up, the grader's
     *                     code only; a guard against a child that never connects, not a limit on the student
     * @param startGrace   the limit from its connection to its first test, in processor time, and in wall time for
     *                     code that waits (the same rules as a test's): it loads the submission and JUnit discovers
     *                     the tests
     */
    TestClock(Watched child, Duration connectGrace, Duration startGrace) {
        this(child, connectGrace, startGrace, System::nanoTime);
    }

    /** @param wallClock nanoseconds, as {@link System#nanoTime} */
    TestClock(Watched child, Duration connectGrace, Duration startGrace, LongSupplier wallClock) {
        this.child = child;
        this.wallClock = wallClock;
        this.startGrace = startGrace;
        this.wallAtProgress = wallClock.getAsLong() + connectGrace.toNanos();
    }

    /**
     * The child has connected: from now on its processor time is read (its process tree is complete) and the start
     * grace runs.
     */
    void connected() {
        if (phase == Phase.CONNECTING) {
            phase = Phase.LOADING;
            progress();
        }
    }

    void testStarted() {
        phase = Phase.TESTING;
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

    /** The limit the clocks apply now: the start grace until the first test started, then the test's. */
    private Duration limitNow(Duration testLimit) {
        return phase == Phase.LOADING ? startGrace : testLimit;
    }

    /** How long to wait for the child's next message before looking at the clocks again. */
    Duration nextCheck(Duration testLimit, long totalDeadline) {
        Duration limit = limitNow(testLimit);
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

    /** Why the running test (or the loading before the first) is out of time, or empty while it may go on. */
    Optional<String> exceeded(Duration testLimit) {
        long now = wallClock.getAsLong();
        long waited = now - wallAtProgress;
        if (phase == Phase.CONNECTING) {
            return waited >= TimeLimitRule.wallLimitFor(testLimit).toNanos() ? Optional.of(WAITED) : Optional.empty();
        }
        Duration limit = limitNow(testLimit);
        Reading latest = new Reading(now, child.cpuTime());
        readings.addLast(latest);
        Duration computed = latest.cpu().minus(cpuAtProgress);
        if (computed.compareTo(limit) > 0) {
            return Optional.of(phase == Phase.LOADING ? loadedTooLong(limit) : computedTooLong(limit));
        }
        boolean idle = waited >= limit.toNanos() && idleDuringWindow(latest);
        boolean hardlyComputed = waited >= TimeLimitRule.wallLimitFor(limit).toNanos()
                && computed.toNanos() < waited * TimeLimitRule.WAITING_SHARE;
        if (!idle && !hardlyComputed) {
            return Optional.empty();
        }
        // A thread that wants a processor computes, however slowly a loaded machine lets it: its processor time
        // decides. Where the threads cannot be seen, one that has hardly computed since its last progress is stopped.
        Optional<Boolean> wantsProcessor = child.wantsProcessor();
        boolean waiting = wantsProcessor.isPresent() ? idle && !wantsProcessor.get() : hardlyComputed;
        return waiting ? Optional.of(waitedOrPrinted(now, limit)) : Optional.empty();
    }

    /**
     * Loading the tests may run the student's static initialisers (a hidden test class that uses the model in a static
     * field): one that loops forever is stopped when the grace's processor time is used up.
     */
    private static String loadedTooLong(Duration grace) {
        return "timed out before the test began: loading the submission and the tests computed for " + seconds(grace)
                + ". Does a static initialiser (a static field or block) loop forever?";
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
        if (phase != Phase.TESTING || latest == null) {
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
