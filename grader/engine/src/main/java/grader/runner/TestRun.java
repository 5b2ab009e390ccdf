package grader.runner;

import grader.common.GraderConfig;
import grader.report.Misconception;
import grader.report.PlannedTest;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the planned tests of one compiled submission in child JVMs and decides how each one ended. The
 * parent owns the clocks ({@link TestClock}): a test that outlives its time limit, or a JVM that dies,
 * costs the test that was running (or the next one, if none was), and a fresh child runs the rest; every
 * result already reported is kept.
 */
public final class TestRun {
    /** The child's exit code under -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    /**
     * Extra time for a child to connect: it starts its JVM and runs the warm-up, the grader's code only, which a
     * machine loaded far beyond its cores stretches to many seconds. It only guards against a child that never
     * connects (the total time limit may end the wait sooner).
     */
    private static final Duration CONNECT_GRACE = Duration.ofSeconds(30);
    /**
     * The limit from a child's connection to its first test (processor time, or wall time for a child that waits):
     * it loads the submission and the test classes, which is not the student's time.
     */
    private static final Duration START_GRACE = Duration.ofSeconds(10);

    private final GraderConfig config;
    private final Path submissionClasses;
    private final Path workDir;
    private final ConsoleCapture console;
    private final List<PlannedTest> plan;
    private final Map<String, PlannedTest> remaining = new LinkedHashMap<>();
    private final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    /** The first misconception each running test named, until it finishes. */
    private final Map<String, Misconception> diagnosed = new LinkedHashMap<>();
    private final Map<String, Duration> times = new LinkedHashMap<>();
    private final SpareChild spares;

    /** @param plan the planned tests, in the order the child runs them */
    public TestRun(GraderConfig config, List<PlannedTest> plan, Path submissionClasses, Path workDir,
                   ConsoleCapture console) {
        this.config = config;
        this.submissionClasses = submissionClasses;
        this.workDir = workDir;
        this.console = console;
        this.plan = List.copyOf(plan);
        plan.forEach(test -> remaining.put(test.id(), test));
        // Every child runs the warm-up, a restarted one too: the floor of the time limits is measured for the first
        // test of a JVM that ran it (TimeLimitRule), and a spare started ahead has the time anyway.
        this.spares = new SpareChild(() -> ChildJvm.launch(config, workDir, submissionClasses, console));
    }

    /** A child JVM started early, so that it warms up while the submission compiles. */
    public static final class WarmChild implements AutoCloseable {
        private ChildJvm jvm;

        private WarmChild(ChildJvm jvm) {
            this.jvm = jvm;
        }

        /** Hands the child over to a run; afterwards closing this does nothing. */
        private ChildJvm take() {
            ChildJvm taken = jvm;
            jvm = null;
            return taken;
        }

        @Override
        public void close() {
            if (jvm != null) {
                jvm.close();
            }
        }
    }

    /** @param submissionClasses the folder the submission will be compiled into; it must exist */
    public static WarmChild warmUp(GraderConfig config, Path workDir, Path submissionClasses, ConsoleCapture console)
            throws IOException {
        return new WarmChild(ChildJvm.launch(config, workDir, submissionClasses, console));
    }

    /**
     * @param warmChild from {@link #warmUp} with the same work folder, or null
     * @return one outcome per planned test, in plan order
     */
    public List<TestOutcome> run(WarmChild warmChild) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        ChildJvm child = warmChild == null ? null : warmChild.take();
        boolean restart = false;
        try {
            while (!remaining.isEmpty()) {
                if (System.nanoTime() >= deadline) {
                    endRemaining(TestStatus.NOT_RUN, "not run: the time limit for all tests ("
                            + seconds(config.totalTimeout()) + ") was used up by earlier tests");
                    break;
                }
                if (child == null) {
                    child = spares.take();
                    if (restart && remaining.size() > 1) {
                        // A submission whose test timed out or crashed once is likely to do it again (the same bug,
                        // the next test): the replacement for its next restart starts now, beside this one. With
                        // one test left, no restart could follow.
                        spares.startIfNone();
                    }
                }
                try {
                    superviseOneChild(child, deadline);
                } finally {
                    child.close();
                    child = null;
                    restart = true;
                }
            }
        } finally {
            spares.close();
        }
        return plan.stream().map(test -> outcomes.get(test.id())).toList();
    }

    /** Lets one child run the remaining tests until it finishes, hangs or dies. */
    private void superviseOneChild(ChildJvm child, long deadline) throws IOException, InterruptedException {
        child.start(submissionClasses, config.hiddenPackage(),
                remaining.values().stream().map(PlannedTest::selector).toList());
        String current = null;
        TestClock clock = new TestClock(child, CONNECT_GRACE, START_GRACE);
        while (true) {
            Duration limit = limitNow(current);
            ChildJvm.Signal signal = child.poll(clock.nextCheck(limit, deadline));
            if (signal == null) {
                Optional<String> outOfTime = System.nanoTime() >= deadline ? Optional.of("timed out: the time limit for all tests ("
                        + seconds(config.totalTimeout()) + ") ran out here") : clock.exceeded(limit);
                if (outOfTime.isPresent() && child.catchUp()) {
                    // Read after the verdict, so it holds everything the child had sent by then: the results the
                    // listener had not yet read come first, and the clocks restart at their progress.
                    continue;
                }
                if (outOfTime.isPresent()) {
                    grader.common.Trace.mark("timed out: " + current);
                    blame(current, TestStatus.TIMED_OUT, outOfTime.get());
                    return;
                }
                if (clock.halfwayOut(limit) && remaining.size() > 1) {
                    // The JVM start of the child that would run the rest overlaps the rest of this test's limit
                    // (if there is a rest: the last test's runaway needs no replacement).
                    spares.startIfNone();
                }
                continue;
            }
            if (signal instanceof ChildJvm.Exited exited) {
                grader.common.Trace.mark("child exited with " + exited.exitCode());
                if (!exited.connected()) {
                    throw new IllegalStateException("the test JVM failed to start (exit code " + exited.exitCode()
                            + "); its output: " + console.snapshot().text());
                }
                if (!remaining.isEmpty()) {
                    blame(current, TestStatus.CRASHED, crashReason(exited.exitCode()));
                }
                return;
            }
            Wire.Message message = ((ChildJvm.Heard) signal).message();
            grader.common.Trace.mark("child: " + message.event() + " " + message.testId());
            switch (message.event()) {
                case STARTED -> {
                    if (remaining.containsKey(message.testId())) {
                        current = message.testId();
                        clock.testStarted();
                    }
                }
                case DIAGNOSED -> {
                    if (remaining.containsKey(message.testId())) {
                        Misconception.decode(message.text()).ifPresent(named -> diagnosed.putIfAbsent(message.testId(), named));
                    }
                }
                case FINISHED -> {
                    PlannedTest test = remaining.remove(message.testId());
                    if (test != null) {
                        outcomes.put(test.id(), new TestOutcome(test, message.status(), message.text(),
                                diagnosed.remove(test.id())));
                        current = null;
                        times.put(test.id(), clock.testFinished());
                    }
                }
                case STUCK -> {
                    if (message.testId().equals(current)) {
                        // The child saw the test's only thread wait with nothing left to wake it (StuckTestWatch):
                        // no need to wait out the clocks' window. The same words as that rule's: the same JSON.
                        grader.common.Trace.mark("stuck: " + current);
                        blame(current, TestStatus.TIMED_OUT, TestClock.WAITED);
                        return;
                    }
                }
                case DONE -> {
                    endRemaining(TestStatus.NOT_RUN, "not run: JUnit did not run this test");
                    return;
                }
                case HELLO -> clock.connected();
            }
        }
    }

    /**
     * The processor time each finished test took, as its time limit counts it ({@link TestClock}): from the end
     * of the test before it in the same JVM (or its own start, if it was the JVM's first) to its end.
     */
    public Map<String, Duration> times() {
        return Map.copyOf(times);
    }

    /** The limit of the running test, else of the next one (which blame() would end), else of the JUnit wrap-up. */
    private Duration limitNow(String current) {
        if (current != null) {
            return config.timeLimitOf(current);
        }
        return remaining.isEmpty() ? config.testTimeout() : config.timeLimitOf(remaining.keySet().iterator().next());
    }

    /** Ends the running test, or the next one if the JVM hung or died between tests. */
    private void blame(String current, TestStatus status, String reason) {
        if (remaining.isEmpty()) {
            return; // every test had reported: the JVM hung or died in JUnit's wrap-up, which costs nothing
        }
        String id = current != null && remaining.containsKey(current) ? current : remaining.keySet().iterator().next();
        PlannedTest test = remaining.remove(id);
        outcomes.put(id, new TestOutcome(test, status, reason));
    }

    private void endRemaining(TestStatus status, String reason) {
        remaining.values().forEach(test -> outcomes.put(test.id(), new TestOutcome(test, status, reason)));
        remaining.clear();
    }

    private String crashReason(int exitCode) {
        if (exitCode == OUT_OF_MEMORY_EXIT) {
            return "crashed: out of memory (the limit is " + config.heap() + "); does something keep allocating "
                    + "matrices or nodes in a loop?";
        }
        return "crashed: the test JVM ended with exit code " + exitCode + " during this test (System.exit, or a "
                + "fatal error)";
    }

    private static String seconds(Duration duration) {
        return TestClock.seconds(duration);
    }
}
