package grader.runner;

import grader.report.TestStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The child's reports to the parent, one line each: {@code secret TAB event TAB base64(test id) TAB status
 * TAB base64(message)}. Free text is base64 so that no message can split or forge a line; the parent drops
 * any line that is malformed or lacks the per-run secret.
 */
final class Wire {
    /**
     * What the child says: it is there, a test began, a test named a misconception (text: {@code
     * Misconception.encode()}), a test can never go on ({@link StuckTestWatch}), a test ended, all tests ended.
     */
    enum Event { HELLO, STARTED, DIAGNOSED, STUCK, FINISHED, DONE }

    record Message(Event event, String testId, TestStatus status, String text) {
        static Message of(Event event) {
            return new Message(event, "", TestStatus.NOT_RUN, "");
        }
    }

    private static final int FIELDS = 5;

    private Wire() {}

    static String encode(String secret, Message message) {
        return secret + '\t' + message.event() + '\t' + base64(message.testId()) + '\t' + message.status() + '\t'
                + base64(message.text()) + '\n';
    }

    /** The message on a line, if the line is well formed and carries {@code secret}. */
    static Optional<Message> decode(String line, String secret) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS || !MessageDigest.isEqual(fields[0].getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Message(Event.valueOf(fields[1]), unbase64(fields[2]), TestStatus.valueOf(fields[3]),
                    unbase64(fields[4])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String field) {
        return new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
