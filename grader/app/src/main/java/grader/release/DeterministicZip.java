package grader.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip whose bytes depend only on its entries: sorted paths, one fixed timestamp, no
 * extended time fields, and Unix modes (755 for scripts, 644 otherwise), so the same kit gives the
 * same archive on every machine and on every run.
 */
public final class DeterministicZip {
    /** Every entry's modification time; a fixed local time, so the time zone cannot change the bytes. */
    static final LocalDateTime TIMESTAMP = LocalDateTime.of(2024, 1, 1, 0, 0);

    private DeterministicZip() {
    }

    /** The archive's bytes. */
    public static byte[] bytes(Collection<ArchiveEntry> entries) {
        List<ArchiveEntry> sorted = entries.stream().sorted(Comparator.comparing(ArchiveEntry::path)).toList();
        requireUniquePaths(sorted);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (ArchiveEntry entry : sorted) {
                ZipEntry zipEntry = new ZipEntry(entry.path());
                // setTimeLocal writes only the DOS time field: no zone, no extra timestamp fields
                zipEntry.setTimeLocal(TIMESTAMP);
                zip.putNextEntry(zipEntry);
                zip.write(entry.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a zip in memory failed", e);
        }
        byte[] archive = buffer.toByteArray();
        UnixModes.apply(archive, sorted);
        return archive;
    }

    /** Writes the archive to {@code out} atomically (a temporary file, then a rename). */
    public static void write(Collection<ArchiveEntry> entries, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.write(temporary, bytes(entries));
            readableByAll(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Temporary files are created 600; a release is handed on (uploaded, copied to a course), so make it 644. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void requireUniquePaths(List<ArchiveEntry> sorted) {
        Set<String> seen = new HashSet<>();
        for (ArchiveEntry entry : sorted) {
            if (!seen.add(entry.path())) {
                throw new IllegalArgumentException("two archive entries share the path '" + entry.path() + "'");
            }
        }
    }
}
