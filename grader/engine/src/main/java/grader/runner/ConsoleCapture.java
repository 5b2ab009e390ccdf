package grader.runner;

import grader.report.GradeReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first bytes a child JVM prints and drains (but counts) the rest, so a student's flood of
 * output can neither fill the parent's memory nor block the child on a full pipe for long. Each child's
 * reader also tells when it found that child's pipe backed up ({@link Reader}): a child blocked on writing
 * to it is waiting for the parent, not for something of its own.
 */
public final class ConsoleCapture {
    /**
     * One read takes up to Linux's default pipe capacity: a pipe that a child has filled is emptied in one read,
     * and its child goes on computing.
     */
    static final int READ_BYTES = 64 * 1024;
    /**
     * A read that returns at least this much found the pipe full, or nearly: Linux merges small writes into a
     * pipe's pages only when a write fits whole, so a full 64 KB pipe holds at least half of it (16 pages of
     * more than 2 KB each).
     */
    static final int BACKED_UP_BYTES = READ_BYTES / 2;

    /** What one child's console reader saw of its pipe. */
    static final class Reader {
        /** {@link System#nanoTime} of the last read that found the pipe backed up; valid once {@link #backedUp} is set. */
        private volatile long lastBackedUp;
        private volatile boolean backedUp;

        private void read(int bytes) {
            if (bytes >= BACKED_UP_BYTES) {
                lastBackedUp = System.nanoTime();
                backedUp = true;
            }
        }

        /**
         * Whether a read at or after {@code nanoTime} found the pipe backed up: the child printed faster than the
         * parent read, and was blocked on writing at some point since then.
         */
        boolean backedUpSince(long nanoTime) {
            return backedUp && lastBackedUp - nanoTime >= 0;
        }
    }

    private final int maxBytes;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final java.util.List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long totalBytes;

    public ConsoleCapture(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads {@code stream} to its end on a daemon thread; the returned reader tells how full it found it. */
    Reader drain(InputStream stream, String threadName) {
        Reader seen = new Reader();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[READ_BYTES];
            try (stream) {
                for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                    seen.read(n);
                    append(buffer, n);
                }
            } catch (IOException closed) {
                // The child was killed: what was read so far is all there is.
            }
        }, threadName);
        reader.setDaemon(true);
        readers.add(reader);
        reader.start();
        return seen;
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
