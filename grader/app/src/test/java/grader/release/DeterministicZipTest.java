package grader.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicZipTest {
    private static ArchiveEntry file(String path, String text) {
        return new ArchiveEntry(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<ArchiveEntry> ENTRIES = List.of(
            file("b/data.txt", "some data\n"),
            file("run.sh", "#!/usr/bin/env bash\necho hello\n"),
            file("a/README.md", "# hello\n"));

    @Test
    void theSameEntriesInAnyOrderGiveTheSameBytes() {
        byte[] first = DeterministicZip.bytes(ENTRIES);
        List<ArchiveEntry> reversedOrder = new ArrayList<>(ENTRIES);
        Collections.reverse(reversedOrder);
        byte[] reversed = DeterministicZip.bytes(reversedOrder);
        assertArrayEquals(first, reversed, "the archive must not depend on the order entries were listed in");
    }

    @Test
    void entriesAreSortedByPathAndCarryTheFixedTimestamp() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(DeterministicZip.bytes(ENTRIES)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                assertEquals(DeterministicZip.TIMESTAMP, entry.getTimeLocal(), "timestamp of " + entry.getName());
                byte[] extra = entry.getExtra();
                assertTrue(extra == null || extra.length == 0, "no extra field (extended timestamps) in " + entry.getName());
            }
        }
        assertEquals(List.of("a/README.md", "b/data.txt", "run.sh"), names);
    }

    @Test
    void scriptsAreExecutableAndOtherFilesAreNot(@TempDir Path folder) throws IOException {
        Path zip = folder.resolve("release.zip");
        DeterministicZip.write(ENTRIES, zip);
        assertTrue(Kit.permissions(zip, "run.sh").contains(PosixFilePermission.OWNER_EXECUTE), "a #! script must be executable");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ),
                Kit.permissions(zip, "a/README.md"), "a plain file must be 644");
    }

    @Test
    void writingLeavesOnlyTheArchiveBehind(@TempDir Path folder) throws IOException {
        Path zip = folder.resolve("out/release.zip");
        DeterministicZip.write(ENTRIES, zip);
        DeterministicZip.write(ENTRIES, zip);
        assertEquals(List.of("release.zip"), Kit.relativeFiles(folder.resolve("out")), "no temporary file may remain");
        assertArrayEquals(DeterministicZip.bytes(ENTRIES), Files.readAllBytes(zip));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)),
                "a release is meant to be handed on, so others may read it");
    }

    @Test
    void twoEntriesWithOnePathAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DeterministicZip.bytes(List.of(file("x.txt", "1"), file("x.txt", "2"))));
        assertEquals("two archive entries share the path 'x.txt'", refused.getMessage());
    }

    @Test
    void pathsThatEscapeTheArchiveAreRefused() {
        for (String path : List.of("../x", "/etc/passwd", "a\\b", "")) {
            assertThrows(IllegalArgumentException.class, () -> file(path, "x"), "path '" + path + "' must be refused");
        }
        assertEquals("a..b/c.txt", file("a..b/c.txt", "x").path(), "dots inside a name are fine");
        assertFalse(file("notes.txt", "#not a script").executable(), "only #! marks a script");
    }
}
