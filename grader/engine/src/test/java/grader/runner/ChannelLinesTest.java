package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child's channel read on demand, on the caller's thread, as the test run does before it judges a test out
 * of time: whatever the child has sent is there at once, whether or not a listener thread has run.
 */
class ChannelLinesTest {
    private static final int MAX_BYTES = 16;

    @TempDir
    Path folder;
    private SocketChannel child;
    private SocketChannel parent;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void connect() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(folder.resolve("channel")));
            child = SocketChannel.open(server.getLocalAddress());
            parent = server.accept();
        }
        parent.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        child.close();
        parent.close();
    }

    @Test
    void everyWholeLineAlreadySentIsReadAtOnceAndAPartialOneWaitsForItsEnd() throws IOException {
        ChannelLines lines = new ChannelLines(parent, MAX_BYTES);
        assertTrue(lines.readArrived(heard::add), "nothing sent yet is not the end of the channel");
        assertEquals(List.of(), heard);

        send("STARTED a\nFINISHED a\nSTAR");
        assertTrue(lines.readArrived(heard::add));
        assertEquals(List.of("STARTED a", "FINISHED a"), heard, "both whole lines, without waiting for more");

        send("TED b\n");
        lines.readArrived(heard::add);
        assertEquals(List.of("STARTED a", "FINISHED a", "STARTED b"), heard, "the partial line, once its end came");
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedWholeAndTheNextOneIsRead() throws IOException {
        ChannelLines lines = new ChannelLines(parent, MAX_BYTES);
        send("x".repeat(3 * MAX_BYTES) + "\nDONE\n");
        lines.readArrived(heard::add);
        assertEquals(List.of("DONE"), heard);
    }

    @Test
    void theEndOfTheChannelIsToldAfterItsLastLineAndAnUnfinishedLineIsDropped() throws IOException {
        ChannelLines lines = new ChannelLines(parent, MAX_BYTES);
        send("DONE\nhalf a li");
        child.close();
        assertFalse(lines.readArrived(heard::add), "the child closed its end");
        assertEquals(List.of("DONE"), heard);
        assertFalse(lines.readArrived(heard::add), "still ended on the next turn");
    }

    private void send(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            child.write(bytes);
        }
    }
}
