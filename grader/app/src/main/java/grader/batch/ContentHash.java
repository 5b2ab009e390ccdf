package grader.batch;

import grader.common.SkippedFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 of what a submission contains, so that a second {@code grade-all} knows whether it changed:
 * a zip's bytes, or a folder's relative file names and contents in sorted order. Version-control and
 * build folders do not count ({@link SkippedFolders}).
 */
final class ContentHash {

    private ContentHash() {}

    static String of(Path submission) throws IOException {
        MessageDigest digest = sha256();
        if (Files.isRegularFile(submission)) {
            update(digest, submission);
        } else {
            for (Path file : filesOf(submission)) {
                digest.update(submission.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                update(digest, file);
                digest.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The SHA-256 of a text, e.g. of what identifies the grader's version. */
    static String ofText(String text) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static List<Path> filesOf(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path file : SkippedFolders.filesBelow(folder, Integer.MAX_VALUE)) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(file);
            }
        }
        return files;
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
