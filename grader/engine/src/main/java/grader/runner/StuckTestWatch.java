package grader.runner;

import grader.report.TestStatus;
import java.time.Duration;

/**
 * Tells the parent, inside the child JVM, when the running test can never go on: its thread has been in
 * {@link Thread.State#WAITING} (a {@code wait()} or {@code join()} without a timeout) for {@link #CONFIRM}, and so
 * has every other thread of its thread group (or {@code BLOCKED} on a monitor). A submission may not start threads
 * (the static check), and with the check off any thread it starts joins that group: nothing of the student's is
 * left that could wake the test, which is stuck for good, as Go's runtime says of "all goroutines are asleep". The
 * JDK's own threads (reference handling, cleaners) live in the system group above it. The parent then stops
 * it at once instead of after its waiting window ({@link TestClock}), which a wait forever cost before: about
 * 1 s a test, 7 s for a submission whose evaluation mode waits. A timed wait, {@code wait(ms)} in a loop, is
 * {@code TIMED_WAITING} and stays with the parent's clocks.
 */
final class StuckTestWatch {
    /** How often the test thread's state is read while a test runs. */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(25);
    /** How long the test thread must be seen waiting, at every sample, before the test counts as stuck. */
    static final Duration CONFIRM = Duration.ofMillis(200);

    /** The test now running, the thread that runs it (JUnit calls the listener on that thread), and where to report. */
    private record Running(String testId, Thread thread, ChildMain.ResultChannel channel) {}

    private volatile Running running;

    private StuckTestWatch() {}

    /** A watch on its own daemon thread, one per child JVM: the warm-up's tests and the graded ones take turns. */
    static StuckTestWatch start() {
        StuckTestWatch watch = new StuckTestWatch();
        Thread thread = new Thread(watch::watch, "grader-stuck-test-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    /** Called on the test's own thread as it starts. */
    void testStarted(String testId, ChildMain.ResultChannel channel) {
        running = new Running(testId, Thread.currentThread(), channel);
    }

    void testFinished() {
        running = null;
    }

    private void watch() {
        Running watched = null;
        Running reported = null;
        long waitingSince = -1;
        while (true) {
            try {
                Thread.sleep(SAMPLE_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Running now = running;
            if (now != watched) {
                watched = now;
                waitingSince = -1;
            }
            if (now == null || now == reported || !allAsleep(now.thread())) {
                waitingSince = -1;
                continue;
            }
            long time = System.nanoTime();
            if (waitingSince < 0) {
                waitingSince = time;
            } else if (time - waitingSince >= CONFIRM.toNanos()) {
                now.channel().send(new Wire.Message(Wire.Event.STUCK, now.testId(), TestStatus.NOT_RUN, ""));
                reported = now;  // once per test: the parent ends it and this JVM with it
            }
        }
    }

    /** Whether the test's thread waits, and every other thread of its group but this watch waits or is blocked. */
    private static boolean allAsleep(Thread testThread) {
        ThreadGroup group = testThread.getThreadGroup();
        if (testThread.getState() != Thread.State.WAITING || group == null) {
            return false;
        }
        Thread[] threads = new Thread[2 * group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        if (count == threads.length) {
            return false;  // more threads than room: not sure that all were seen
        }
        for (int i = 0; i < count; i++) {
            Thread.State state = threads[i].getState();
            if (threads[i] != Thread.currentThread() && state != Thread.State.WAITING && state != Thread.State.BLOCKED) {
                return false;
            }
        }
        return true;
    }
}
