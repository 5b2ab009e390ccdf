package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The console's readers: what they keep and count, and when they say a child's pipe backed up. */
class ConsoleCaptureTest {
    private static final Duration DRAINED = Duration.ofSeconds(10);

    /** A pipe that a child fills faster than it is read: every read finds a whole buffer's worth waiting. */
    private static InputStream fullPipe(int bytes) {
        return new ByteArrayInputStream(new byte[bytes]);
    }

    /** A child that prints a little at a time and never fills its pipe: each read finds one short line. */
    private static InputStream tricklingPipe(int lines) {
        return new InputStream() {
            private int left = lines;

            @Override
            public int read() {
                throw new UnsupportedOperationException("the console reads whole buffers");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left-- == 0) {
                    return -1;
                }
                int line = Math.min(length, 100);
                Arrays.fill(buffer, offset, offset + line, (byte) 'x');
                return line;
            }
        };
    }

    @Test
    void aPipeFoundFullIsReportedAsBackedUpSinceEarlierButNotSinceLater() throws Exception {
        ConsoleCapture console = new ConsoleCapture(1024);
        long before = System.nanoTime();
        ConsoleCapture.Reader reader = console.drain(fullPipe(4 * ConsoleCapture.READ_BYTES), "test-console");
        console.awaitDrained(DRAINED);
        long after = System.nanoTime();
        assertTrue(reader.backedUpSince(before), "four full reads");
        assertFalse(reader.backedUpSince(after), "nothing backed up after the pipe ended");
        assertEquals(4L * ConsoleCapture.READ_BYTES, console.snapshot().totalBytes(), "every byte counted");
        assertEquals(1024, console.snapshot().text().length(), "only the first 1024 kept");
    }

    @Test
    void aChildThatPrintsShortLinesNeverBacksUpItsPipe() throws Exception {
        ConsoleCapture console = new ConsoleCapture(1 << 20);
        long before = System.nanoTime();
        ConsoleCapture.Reader reader = console.drain(tricklingPipe(1000), "test-console");
        console.awaitDrained(DRAINED);
        assertFalse(reader.backedUpSince(before), "100 bytes a read");
        assertEquals(100_000, console.snapshot().totalBytes());
    }

    @Test
    void aReadOfJustUnderHalfThePipeIsNotABackUp() throws Exception {
        ConsoleCapture console = new ConsoleCapture(1024);
        long before = System.nanoTime();
        ConsoleCapture.Reader reader = console.drain(fullPipe(ConsoleCapture.BACKED_UP_BYTES - 1), "test-console");
        console.awaitDrained(DRAINED);
        assertFalse(reader.backedUpSince(before));
    }
}
