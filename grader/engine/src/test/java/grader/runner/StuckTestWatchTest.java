package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The child's watch on its test thread, on real threads: what it reports, and what it leaves to the parent's clocks. */
class StuckTestWatchTest {
    private static final String SECRET = "s3cret";
    private static final Duration LONG_ENOUGH = StuckTestWatch.CONFIRM.multipliedBy(3);

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ChildMain.ResultChannel channel = new ChildMain.ResultChannel(sent, SECRET);
    private final StuckTestWatch watch = StuckTestWatch.start();
    private final List<Thread> testThreads = new ArrayList<>();
    /** The tests' own group, as the child JVM's main group holds only its test thread and the watch. */
    private final ThreadGroup group = new ThreadGroup("tests");

    @AfterEach
    void stopTestThreads() {
        testThreads.forEach(Thread::interrupt);
    }

    /** Runs {@code body} as test {@code id} on a thread of its own, which tells the watch, as ChildListener does. */
    private void runTest(String id, Body body) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = new Thread(group, () -> {
            watch.testStarted(id, channel);
            started.countDown();
            try {
                body.run();
            } catch (InterruptedException ended) {
                // the test is over
            }
        }, "test " + id);
        thread.setDaemon(true);
        testThreads.add(thread);
        thread.start();
        started.await();
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private List<Wire.Message> messages() {
        synchronized (channel) {
            String text = sent.toString(StandardCharsets.UTF_8);
            return text.lines().map(line -> Wire.decode(line, SECRET).orElseThrow()).toList();
        }
    }

    /** Waits until a message arrives or {@code atMost} passed. */
    private List<Wire.Message> messagesWithin(Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (messages().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return messages();
    }

    @Test
    void aTestWhoseThreadWaitsWithoutATimeoutIsReportedStuckOnce() throws InterruptedException {
        Object lock = new Object();
        long start = System.nanoTime();
        runTest("Ex3#waitsForever", () -> {
            synchronized (lock) {
                lock.wait();
            }
        });
        List<Wire.Message> heard = messagesWithin(Duration.ofSeconds(10));
        long took = System.nanoTime() - start;
        assertEquals(1, heard.size(), () -> "one report: " + heard);
        assertEquals(Wire.Event.STUCK, heard.get(0).event());
        assertEquals("Ex3#waitsForever", heard.get(0).testId());
        assertTrue(took >= StuckTestWatch.CONFIRM.toNanos(), "not before it waited its confirmation time: " + took);
        Thread.sleep(LONG_ENOUGH.toMillis());
        assertEquals(1, messages().size(), "still one report while the same test goes on waiting");
    }

    @Test
    void timedWaitsAndComputingAreLeftToTheParentsClocks() throws InterruptedException {
        Object lock = new Object();
        runTest("Ex3#waitsInSteps", () -> {
            synchronized (lock) {
                while (true) {
                    lock.wait(5);
                }
            }
        });
        Thread.sleep(LONG_ENOUGH.toMillis());
        runTest("Ex3#computes", () -> {
            double sum = 0;
            while (!Thread.currentThread().isInterrupted()) {
                sum += Math.sqrt(sum + 1);
            }
        });
        Thread.sleep(LONG_ENOUGH.toMillis());
        assertEquals(List.of(), messages(), "a timed wait (TIMED_WAITING) and a loop are not stuck");
    }

    @Test
    void aTestThatWaitsForAnotherThreadOfItsOwnIsNotStuckWhileThatOneComputes() throws InterruptedException {
        // Only with the static check off can a submission start a thread; its threads join the test's group.
        Object done = new Object();
        Thread helper = new Thread(group, () -> {
            long until = System.nanoTime() + LONG_ENOUGH.toNanos();
            double sum = 0;
            while (System.nanoTime() < until) {
                sum += Math.sqrt(sum + 1);
            }
        }, "helper");
        helper.setDaemon(true);
        testThreads.add(helper);
        helper.start();
        runTest("Ex3#joinsItsHelper", () -> {
            helper.join();
            synchronized (done) {
                done.wait();
            }
        });
        Thread.sleep(LONG_ENOUGH.toMillis() - StuckTestWatch.CONFIRM.toMillis());
        assertEquals(List.of(), messages(), "the helper computes: it could wake the test");
        List<Wire.Message> heard = messagesWithin(Duration.ofSeconds(10));
        assertEquals(List.of(Wire.Event.STUCK), heard.stream().map(Wire.Message::event).toList(),
                "once the helper ended, nothing is left to wake it");
    }

    @Test
    void aThreadThatWaitsAfterItsTestFinishedIsNotReported() throws InterruptedException {
        Object lock = new Object();
        runTest("Ex2#finishesThenWaits", () -> {
            watch.testFinished();
            synchronized (lock) {
                lock.wait();
            }
        });
        Thread.sleep(LONG_ENOUGH.toMillis());
        assertEquals(List.of(), messages(), "between tests JUnit's own code runs, and the parent's clocks watch it");
    }
}
