package grader.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path folder;

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path target = folder.resolve("results.json");
        Files.writeString(target, "old");
        AtomicFile.write(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), list(folder), "only the target may be in the folder");
    }

    @Test
    void aFailedWriteKeepsWhatWasThereAndCleansUp() throws Exception {
        Path target = folder.resolve("results.json");
        Files.createDirectories(target.resolve("occupied"));
        assertThrows(IOException.class, () -> AtomicFile.write(target, "new"));
        assertTrue(Files.isDirectory(target.resolve("occupied")), "the existing entry must survive");
        assertEquals(List.of(target), list(folder), "the temporary file must be removed");
    }

    @Test
    void theFileHasThePermissionsOfAnyNewFileNotOnlyTheOwners() throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions only");
        Path target = folder.resolve("results.json");
        AtomicFile.write(target, "new");
        Path plain = Files.createFile(folder.resolve("plain.txt"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)), "0666 less the umask, as for any new file");
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
