package grader.command;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * Tidies the per-user cache ({@link ChildIsolation#cacheFolder}): every rebuilt or upgraded grader adds a slim
 * class path (4 to 6 MB) and a start-up archive (7 MB and more) for its test JVMs, which would otherwise pile up in
 * the temp folder. A file nobody has read for {@link #UNUSED_FOR} goes, and so does an archive left half-written
 * ({@code .partial}) by a grader killed while making it. Linux updates a file's access time when it is read (with
 * the usual {@code relatime}, at least once a day), as every test JVM reads these, so a week unread means unused.
 * Only regular files, in the folder and its direct subfolders, never through a link.
 */
final class StaleCacheEntries {
    static final Duration UNUSED_FOR = Duration.ofDays(7);
    static final Duration HALF_WRITTEN_FOR = Duration.ofDays(1);

    private StaleCacheEntries() {}

    /** Best effort: a cache that cannot be tidied still works. */
    static void prune(Path cacheFolder, Instant now) {
        for (Path entry : entries(cacheFolder)) {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                entries(entry).forEach(inner -> deleteIfStale(inner, now));
            } else {
                deleteIfStale(entry, now);
            }
        }
    }

    private static void deleteIfStale(Path file, Instant now) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return;
            }
            Instant lastUsed = later(attributes.lastAccessTime().toInstant(), attributes.lastModifiedTime().toInstant());
            Duration keep = file.getFileName().toString().endsWith(".partial") ? HALF_WRITTEN_FOR : UNUSED_FOR;
            if (lastUsed.plus(keep).isBefore(now)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException gone) {
            // deleted by another grader meanwhile, or not ours to delete
        }
    }

    private static java.util.List<Path> entries(Path folder) {
        java.util.List<Path> found = new java.util.ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            listing.forEach(found::add);
        } catch (IOException unreadable) {
            // nothing to tidy
        }
        return found;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
