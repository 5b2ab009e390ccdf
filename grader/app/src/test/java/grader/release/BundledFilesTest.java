package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFilesTest {
    private static final List<ArchiveEntry> CLASS_FOLDER = List.of(
            new ArchiveEntry(BundledFiles.ROOT + "handout/pom.xml", "<project/>".getBytes(StandardCharsets.UTF_8)),
            new ArchiveEntry(BundledFiles.ROOT + "handout/student/src/Model.java", "class Model {}".getBytes(StandardCharsets.UTF_8)),
            new ArchiveEntry(BundledFiles.ROOT + "platforms/common/grade_submission.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)),
            new ArchiveEntry("grader/Other.class", new byte[] {1, 2, 3}));

    @Test
    void aClassFolderAndAJarWithTheSameFilesGiveTheSameEntries(@TempDir Path temp) throws IOException {
        Path classes = temp.resolve("classes");
        for (ArchiveEntry entry : CLASS_FOLDER) {
            Path file = classes.resolve(entry.path());
            Files.createDirectories(file.getParent());
            Files.write(file, entry.content());
        }
        Path jar = temp.resolve("grader.jar");
        DeterministicZip.write(CLASS_FOLDER, jar);

        for (BundledFiles bundled : List.of(new BundledFiles(classes), new BundledFiles(jar))) {
            List<ArchiveEntry> handout = bundled.under("handout");
            assertEquals(List.of("pom.xml", "student/src/Model.java"), handout.stream().map(ArchiveEntry::path).toList(),
                    "paths are relative to grader/release/handout/ and sorted");
            assertEquals("class Model {}", handout.get(1).text());
            assertEquals(List.of(), bundled.under("nothing-here"), "a folder the build did not bundle is empty, not an error");
        }
    }
}
