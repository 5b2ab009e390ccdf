package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clocks' rules on a stand-in child and a hand-turned wall clock, 100 ms per check as in a real run. */
class TestClockTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final Duration CHECK = Duration.ofMillis(100);
    /** The graces a requested child gets, as TestRun gives them. */
    private static final Duration CONNECT_GRACE = Duration.ofSeconds(30);
    private static final Duration START_GRACE = Duration.ofSeconds(10);

    /** A child whose processor time grows by {@code share} of the wall time and which says whether it wants a core. */
    private static final class StandIn implements TestClock.Watched {
        long wallNanos;
        Duration cpu = Duration.ZERO;
        double share;
        Optional<Boolean> wantsProcessor = Optional.of(false);
        /** Whether its console's pipe is found backed up at each check, as by a child blocked on printing. */
        boolean printsIntoAFullPipe;
        /** The wall time its pipe was last found backed up. */
        Long consoleBackedUpAt;

        void advance(Duration wall) {
            wallNanos += wall.toNanos();
            cpu = cpu.plusNanos((long) (wall.toNanos() * share));
            if (printsIntoAFullPipe) {
                consoleBackedUpAt = wallNanos;
            }
        }

        @Override
        public Duration cpuTime() {
            return cpu;
        }

        @Override
        public Optional<Boolean> wantsProcessor() {
            return wantsProcessor;
        }

        @Override
        public boolean consoleBackedUpSince(long wallNanos) {
            return consoleBackedUpAt != null && consoleBackedUpAt >= wallNanos;
        }
    }

    /** Advances check by check until the clock stops the test, and returns when (or the last check's time). */
    private static Duration stoppedAfter(StandIn child, TestClock clock, Duration atMost) {
        return stoppedAfter(child, clock, atMost, LIMIT);
    }

    private static Duration stoppedAfter(StandIn child, TestClock clock, Duration atMost, Duration limit) {
        return run(child, clock, atMost, limit, any -> CHECK).stoppedAfter();
    }

    private record Run(Duration stoppedAfter, int checks) {}

    /** Advances {@code step} at a time, reading the clocks after each, until they stop the test or atMost passed. */
    private static Run run(StandIn child, TestClock clock, Duration atMost, Duration limit,
                           java.util.function.UnaryOperator<Duration> step) {
        Duration waited = Duration.ZERO;
        int checks = 0;
        while (waited.compareTo(atMost) < 0) {
            Duration next = step.apply(limit);
            child.advance(next);
            waited = waited.plus(next);
            checks++;
            if (clock.exceeded(limit).isPresent()) {
                break;
            }
        }
        return new Run(waited, checks);
    }

    /** Waits as the runner does, each time as long as {@link TestClock#nextCheck} says. */
    private static Run runFollowingNextCheck(StandIn child, TestClock clock, Duration limit, Duration atMost) {
        return run(child, clock, atMost, limit, current -> clock.nextCheck(current, Long.MAX_VALUE));
    }

    private static TestClock startedTest(StandIn child) {
        TestClock clock = new TestClock(child, Duration.ZERO, Duration.ZERO, () -> child.wallNanos);
        clock.testStarted();
        return clock;
    }

    @Test
    void codeThatWaitsIsStoppedOnceItRanForItsLimitOfWallTime() {
        StandIn child = new StandIn();
        TestClock clock = startedTest(child);
        assertEquals(LIMIT, stoppedAfter(child, clock, Duration.ofSeconds(5)), "a wait() forever costs its limit");
        assertEquals(TestClock.WAITED, clock.exceeded(LIMIT).orElseThrow());
    }

    @Test
    void codeThatWaitsUnderALimitShorterThanTheWaitingWindowIsStoppedAfterTheWindow() {
        StandIn child = new StandIn();
        TestClock clock = startedTest(child);
        Duration floor = grader.common.TimeLimitRule.FLOOR;
        assertEquals(grader.common.TimeLimitRule.WAITING_WINDOW, stoppedAfter(child, clock, Duration.ofSeconds(5), floor),
                "under the floor's limit a wait() forever is stopped once a whole waiting window was idle");
    }

    @Test
    void aStarvedChildWithARunnableThreadGoesOnUntilItsProcessorTimeRunsOut() {
        StandIn child = new StandIn();
        child.share = 0.02; // a tiny share of a core: a machine loaded fifty times over
        child.wantsProcessor = Optional.of(true);
        TestClock clock = startedTest(child);
        assertEquals(Duration.ofSeconds(45), stoppedAfter(child, clock, Duration.ofSeconds(45)),
                "0.9 s of processor time in 45 s, computing all along: not stopped");
        assertEquals(Duration.ofMillis(5100), stoppedAfter(child, clock, Duration.ofSeconds(60)), "over 1 s of computing");
        assertEquals("timed out after 1 s of computing: an endless loop, or a very slow one?",
                clock.exceeded(LIMIT).orElseThrow(), "the words of its processor time, not of waiting");
    }

    @Test
    void whereThreadStatesCannotBeReadWaitingCodeIsStoppedAtThreeTimesItsLimit() {
        StandIn child = new StandIn();
        child.wantsProcessor = Optional.empty();
        TestClock clock = startedTest(child);
        assertEquals(LIMIT.multipliedBy(3), stoppedAfter(child, clock, Duration.ofSeconds(5)));
        assertEquals(TestClock.WAITED, clock.exceeded(LIMIT).orElseThrow(), "the same words on either path: same JSON");
    }

    @Test
    void codeThatComputedForAWhileIsStoppedOnlyAfterAWholeSecondWithoutComputing() {
        StandIn child = new StandIn();
        child.share = 0.5;
        TestClock clock = startedTest(child);
        assertEquals(Duration.ofMillis(1500), stoppedAfter(child, clock, Duration.ofMillis(1500)), "not stopped yet");
        child.share = 0;
        // 0.75 s of processor time so far; the last second must pass at under 5% of a core.
        assertEquals(Duration.ofMillis(1000), stoppedAfter(child, clock, Duration.ofSeconds(5)));
    }

    @Test
    void anEndlessLoopIsStoppedByItsProcessorTime() {
        StandIn child = new StandIn();
        child.share = 1;
        child.wantsProcessor = Optional.of(true);
        TestClock clock = startedTest(child);
        assertEquals(Duration.ofMillis(1100), stoppedAfter(child, clock, Duration.ofSeconds(5)), "just over 1 s of computing");
        assertEquals("timed out after 1 s of computing: an endless loop, or a very slow one?",
                clock.exceeded(LIMIT).orElseThrow());
    }

    @Test
    void anEndlessLoopIsStoppedWithinATickOfItsLimitBecauseTheChecksComeSoonerNearIt() {
        StandIn child = new StandIn();
        child.share = 1;
        TestClock clock = startedTest(child);
        Duration limit = grader.common.TimeLimitRule.FLOOR;
        Run run = runFollowingNextCheck(child, clock, limit, Duration.ofSeconds(5));
        assertTrue(run.stoppedAfter().compareTo(limit) > 0, "not before its limit: " + run);
        assertTrue(run.stoppedAfter().compareTo(limit.plus(TestClock.CHECK_AT_LEAST_AFTER)) <= 0,
                "at most one shortest interval after its limit, not a whole 100 ms: " + run);
        assertTrue(run.checks() <= 10, "a handful of extra readings, not one every tick: " + run);
    }

    @Test
    void aTestFarFromItsLimitIsCheckedEvery100Ms() {
        StandIn child = new StandIn();
        child.share = 0.1;
        child.wantsProcessor = Optional.of(true);
        TestClock clock = startedTest(child);
        Run run = runFollowingNextCheck(child, clock, LIMIT, Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), run.stoppedAfter(), "0.2 s of computing in 2 s: not stopped");
        assertEquals(20, run.checks(), "one reading per 100 ms");
    }

    @Test
    void aTestIsHalfwayOutOfTimeAfterHalfItsLimitOfComputingOrOfWaiting() {
        StandIn computing = new StandIn();
        computing.share = 1;
        TestClock computingClock = startedTest(computing);
        stoppedAfter(computing, computingClock, Duration.ofMillis(400));
        assertFalse(computingClock.halfwayOut(LIMIT), "0.4 s of a 1 s limit");
        stoppedAfter(computing, computingClock, Duration.ofMillis(100));
        assertTrue(computingClock.halfwayOut(LIMIT), "0.5 s of a 1 s limit");

        StandIn waiting = new StandIn();
        TestClock waitingClock = startedTest(waiting);
        stoppedAfter(waiting, waitingClock, Duration.ofMillis(500));
        assertTrue(waitingClock.halfwayOut(LIMIT), "0.5 s of waiting");
    }

    @Test
    void aFloodBlockedOnASlowlyReadPipeIsStoppedAsWaitingCodeWouldBeInTheWordsOfAComputingOne() {
        StandIn child = new StandIn();
        child.share = 0.04; // under the waiting share: the parent reads its output slowly, and it mostly waits on the pipe
        child.printsIntoAFullPipe = true;
        TestClock clock = startedTest(child);
        assertEquals(LIMIT, stoppedAfter(child, clock, Duration.ofSeconds(60)), "no later than waiting code");
        assertEquals("timed out after 1 s of computing: an endless loop, or a very slow one?",
                clock.exceeded(LIMIT).orElseThrow(), "the words of a flood that the parent keeps up with");
    }

    @Test
    void codeThatWaitsMoreThanAWindowAfterItsPipeLastBackedUpIsWaitingCode() {
        StandIn child = new StandIn();
        child.printsIntoAFullPipe = true;
        Duration limit = Duration.ofSeconds(3);
        TestClock clock = startedTest(child);
        assertEquals(Duration.ofMillis(500), stoppedAfter(child, clock, Duration.ofMillis(500), limit), "printing");
        child.printsIntoAFullPipe = false; // the child stopped printing and waits for something of its own
        assertEquals(Duration.ofMillis(2500), stoppedAfter(child, clock, Duration.ofSeconds(5), limit), "its limit");
        assertEquals(TestClock.WAITED, clock.exceeded(limit).orElseThrow());
    }

    @Test
    void whereThreadStatesCannotBeReadAFloodBlockedOnItsPipeGetsTheComputingWordsToo() {
        StandIn child = new StandIn();
        child.wantsProcessor = Optional.empty();
        child.printsIntoAFullPipe = true;
        TestClock clock = startedTest(child);
        assertEquals(LIMIT.multipliedBy(3), stoppedAfter(child, clock, Duration.ofSeconds(5)));
        assertEquals("timed out after 1 s of computing: an endless loop, or a very slow one?", clock.exceeded(LIMIT).orElseThrow());
    }

    private static TestClock requested(StandIn child) {
        return new TestClock(child, CONNECT_GRACE, START_GRACE, () -> child.wallNanos);
    }

    @Test
    void aSlowStartBeforeTheConnectionIsNotTheStudentsTime() {
        StandIn child = new StandIn(); // starved while it warms up: hardly any processor time, and none of it the student's
        TestClock clock = requested(child);
        assertEquals(Duration.ofSeconds(20), stoppedAfter(child, clock, Duration.ofSeconds(20)),
                "20 s of JVM start and warm-up on a loaded machine: not stopped");
        clock.connected();
        assertEquals(START_GRACE, stoppedAfter(child, clock, Duration.ofSeconds(60)),
                "from the connection, a child that waits is stopped once it waited the start grace");
        assertEquals(TestClock.WAITED, clock.exceeded(LIMIT).orElseThrow());
    }

    @Test
    void aChildThatNeverConnectsIsStoppedAfterTheConnectGrace() {
        StandIn child = new StandIn();
        child.share = 1; // what it computes is the grader's start-up, not judged
        TestClock clock = requested(child);
        assertEquals(CONNECT_GRACE.plus(LIMIT.multipliedBy(3)), stoppedAfter(child, clock, Duration.ofSeconds(120)));
        assertEquals(TestClock.WAITED, clock.exceeded(LIMIT).orElseThrow());
    }

    @Test
    void aStarvedChildLoadingTheTestsGoesOnWhileItStillComputes() {
        StandIn child = new StandIn();
        child.share = 0.06; // 21 JVMs on 2 cores loading their tests at once: under a tenth of a core each
        child.wantsProcessor = Optional.of(true);
        TestClock clock = requested(child);
        clock.connected();
        assertEquals(Duration.ofSeconds(60), stoppedAfter(child, clock, Duration.ofSeconds(60)),
                "3.6 s of processor time in a minute: under the 10 s grace, and computing all along");
        clock.testStarted();
        child.share = 0;
        child.wantsProcessor = Optional.of(false);
        assertEquals(LIMIT, stoppedAfter(child, clock, Duration.ofSeconds(5)), "the test's own limit then applies");
    }

    @Test
    void aLoadingThatComputesPastTheStartGraceIsStoppedInWordsOfItsOwn() {
        StandIn child = new StandIn();
        child.share = 1; // a static initialiser that loops forever, run as JUnit loads the tests
        child.wantsProcessor = Optional.of(true);
        TestClock clock = requested(child);
        clock.connected();
        assertEquals(START_GRACE.plus(CHECK), stoppedAfter(child, clock, Duration.ofSeconds(60)));
        assertEquals("timed out before the test began: loading the submission and the tests computed for 10 s. Does a"
                + " static initialiser (a static field or block) loop forever?", clock.exceeded(LIMIT).orElseThrow());
    }

    @Test
    void aConnectionAfterTheFirstTestStartedRestartsNoClock() {
        StandIn child = new StandIn();
        TestClock clock = requested(child);
        clock.testStarted();
        stoppedAfter(child, clock, Duration.ofMillis(500));
        clock.connected();
        assertEquals(Duration.ofMillis(500), stoppedAfter(child, clock, Duration.ofSeconds(5)),
                "the test's wait goes on counting: 0.5 s before, 0.5 s after");
    }
}
