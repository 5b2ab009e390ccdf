package grader.release;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One file of a release archive: its path inside the zip ({@code /}-separated, relative), its bytes,
 * and whether it is executable (a script starting with {@code #!}).
 */
public record ArchiveEntry(String path, byte[] content) {

    public ArchiveEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("archive path must be relative and plain: '" + path + "'");
        }
    }

    /** Scripts are recognised by their shebang, so every platform's scripts are executable in the zip. */
    public boolean executable() {
        return content.length >= 2 && content[0] == '#' && content[1] == '!';
    }

    /** The content as UTF-8 text (for scans and tests; binary files give replacement characters). */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The same content under another path. */
    public ArchiveEntry movedTo(String newPath) {
        return new ArchiveEntry(newPath, content);
    }
}
