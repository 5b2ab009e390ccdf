package grader.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file so that readers see the old content or the new, never half of it: the text goes to a
 * temporary file next to the target, which is then renamed over it. If anything fails, the target is
 * untouched and the temporary file is removed. The file gets the permissions of any new file (0666 less
 * the umask), so that a TA's account or a platform process running as another user can read results.
 */
public final class AtomicFile {
    private static final SecureRandom NAMES = new SecureRandom();
    private static final int ATTEMPTS = 100;

    private AtomicFile() {}

    public static void write(Path target, String content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = createTemporary(absolute);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new, empty file next to {@code target}. Not {@link Files#createTempFile}: that makes it 0600 whatever
     * the umask, and the rename would carry the 0600 over to the results.
     */
    private static Path createTemporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] suffix = new byte[8];
            NAMES.nextBytes(suffix);
            Path candidate = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }
}
