package grader.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts the bytes of a non-blocking channel into lines, reading only what has already arrived, so that two threads
 * can take turns at it: the listener whenever the channel is readable, and the test run just before it judges a
 * test out of time. Without that second turn, a parent that had been paused (a GC, a busy machine) woke up with the
 * child's last results still unread in the socket, and took the child, by then idle, for one that waits.
 * Lines longer than {@code maxBytes} are skipped whole: a flood on the channel costs the parent neither memory nor a
 * wrong parse.
 */
final class ChannelLines {
    private final ReadableByteChannel channel;
    private final int maxBytes;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean tooLong;
    private boolean ended;

    /** @param channel in non-blocking mode: a read returns 0 when nothing more has arrived */
    ChannelLines(ReadableByteChannel channel, int maxBytes) {
        this.channel = channel;
        this.maxBytes = maxBytes;
    }

    /**
     * Hands every whole line that has arrived to {@code onLine}, in order, and keeps a partial one for the next call.
     *
     * @return false once the channel has ended (the child closed it or exited); a partial last line is dropped
     */
    synchronized boolean readArrived(Consumer<String> onLine) throws IOException {
        while (!ended) {
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                ended = true;
            } else if (read == 0) {
                return true;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                take(buffer.get(), onLine);
            }
        }
        return false;
    }

    private void take(byte b, Consumer<String> onLine) {
        if (b != '\n') {
            if (line.size() < maxBytes) {
                line.write(b);
            } else {
                tooLong = true;
            }
            return;
        }
        if (!tooLong) {
            onLine.accept(line.toString(StandardCharsets.UTF_8));
        }
        line.reset();
        tooLong = false;
    }
}
