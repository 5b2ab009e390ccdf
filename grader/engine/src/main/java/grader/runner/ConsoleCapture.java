package grader.runner;

import grader.report.GradeReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first bytes a child JVM prints and drains (but counts) the rest, so a student's flood of
 * output can neither fill the parent's memory nor block the child on a full pipe.
 */
public final class ConsoleCapture {
    private final int maxBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final java.util.List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long totalBytes;

    public ConsoleCapture(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads {@code stream} to its end on a daemon thread. */
    void drain(InputStream stream, String threadName) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                    append(buffer, n);
                }
            } catch (IOException closed) {
                // The child was killed: what was read so far is all there is.
            }
        }, threadName);
        reader.setDaemon(true);
        readers.add(reader);
        reader.start();
    }

    /**
     * Waits (at most {@code limit}) until every child's output has been read to its end, which comes soon
     * after the child is killed: what it printed just before its last report is then in the snapshot,
     * every time, instead of depending on how far the reader had got.
     */
    public void awaitDrained(java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread reader : readers) {
            reader.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    private synchronized void append(byte[] buffer, int length) {
        totalBytes += length;
        int room = maxBytes - kept.size();
        if (room > 0) {
            kept.write(buffer, 0, Math.min(room, length));
        }
    }

    public synchronized GradeReport.Console snapshot() {
        return new GradeReport.Console(kept.toString(StandardCharsets.UTF_8), totalBytes);
    }
}
