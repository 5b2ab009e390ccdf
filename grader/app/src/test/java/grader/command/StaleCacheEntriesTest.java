package grader.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the per-user cache keeps: files read within a week, half-written archives for a day, and nothing through a link. */
class StaleCacheEntriesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path cache;
    @TempDir
    Path elsewhere;

    /** A file last read {@code read} and last written {@code written} before NOW. */
    private static Path file(Path path, Duration read, Duration written) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "x");
        Files.getFileAttributeView(path, BasicFileAttributeView.class).setTimes(FileTime.from(NOW.minus(written)),
                FileTime.from(NOW.minus(read)), null);
        return path;
    }

    private List<String> left() throws IOException {
        try (Stream<Path> all = Files.walk(cache)) {
            return all.filter(p -> !p.equals(cache)).map(p -> cache.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void filesUnreadForAWeekGoAndFilesReadSinceStay() throws IOException {
        file(cache.resolve("child-classpath-old.jar"), Duration.ofDays(8), Duration.ofDays(30));
        file(cache.resolve("child-classpath-in-use.jar"), Duration.ofDays(1), Duration.ofDays(30));
        file(cache.resolve("cds/child-old.jsa"), Duration.ofDays(8), Duration.ofDays(8));
        file(cache.resolve("cds/child-in-use.jsa"), Duration.ofHours(1), Duration.ofDays(20));
        file(cache.resolve("cds/child-new.aot"), Duration.ofDays(9), Duration.ofHours(2));  // a noatime mount
        StaleCacheEntries.prune(cache, NOW);
        assertEquals(List.of("cds", "cds/child-in-use.jsa", "cds/child-new.aot", "child-classpath-in-use.jar"), left());
    }

    @Test
    void anArchiveLeftHalfWrittenGoesAfterADay() throws IOException {
        file(cache.resolve("cds/child-a.jsa.123.partial"), Duration.ofDays(2), Duration.ofDays(2));
        file(cache.resolve("cds/child-a.jsa.456.partial"), Duration.ofMinutes(1), Duration.ofMinutes(1));
        StaleCacheEntries.prune(cache, NOW);
        assertEquals(List.of("cds", "cds/child-a.jsa.456.partial"), left(), "the one being written now stays");
    }

    @Test
    void nothingIsDeletedThroughALink() throws IOException {
        Path target = file(elsewhere.resolve("someone-elses.jar"), Duration.ofDays(30), Duration.ofDays(30));
        Path outside = file(elsewhere.resolve("inner/old.jsa"), Duration.ofDays(30), Duration.ofDays(30));
        Files.createSymbolicLink(cache.resolve("child-classpath-link.jar"), target);
        Files.createSymbolicLink(cache.resolve("cds"), outside.getParent());
        StaleCacheEntries.prune(cache, NOW);
        assertTrue(Files.exists(target) && Files.exists(outside), "files a link points at are not the cache's");
        assertEquals(List.of("cds", "child-classpath-link.jar"), left(), "nor are the links deleted");
    }
}
