package grader.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {
    @TempDir
    Path folder;

    @Test
    void aPlainZipUnpacksIntoTheDestination() throws Exception {
        Path zip = zip("ok.zip", "student/src/Model.java", "class Model {}".getBytes());
        SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT);
        assertEquals("class Model {}", Files.readString(folder.resolve("out/student/src/Model.java")));
    }

    @Test
    void aZipFromWindowsWithANonAsciiFolderNameUnpacks() throws Exception {
        // Windows' "Send to > Compressed folder" writes names in the OEM code page without the UTF-8 flag.
        Path zip = folder.resolve("windows.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), java.nio.charset.Charset.forName("IBM437"))) {
            out.putNextEntry(new ZipEntry("Übung José/Model.java"));
            out.write("class Model {}".getBytes());
            out.closeEntry();
        }
        SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT);
        assertEquals("class Model {}", Files.readString(folder.resolve("out/Übung José/Model.java")));
    }

    @Test
    void aFileAndAFolderOfTheSameNameAreRefusedWithAReason() throws Exception {
        Path zip = folder.resolve("clash.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("student"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("student/Model.java"));
            out.closeEntry();
        }
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertEquals("The zip entry \"student/Model.java\" cannot be unpacked (the zip has a file and a folder of the same "
                + "name); zip your source files again and submit that zip.", problem.getMessage());
    }

    @Test
    void aNameTooLongForTheFileSystemIsRefusedWithAReason() throws Exception {
        String name = "a".repeat(300) + "/Model.java";
        Path zip = zip("long.zip", name, "class Model {}".getBytes());
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        // The reason in the middle is the operating system's ("File name too long" on Linux).
        assertTrue(problem.getMessage().startsWith("The zip entry \"" + name + "\" cannot be unpacked ("), problem.getMessage());
        assertTrue(problem.getMessage().endsWith("); zip your source files again and submit that zip."), problem.getMessage());
    }

    @Test
    void anEntryWithDotDotIsRefusedAndNothingIsWrittenOutside() throws Exception {
        Path zip = zip("evil.zip", "../evil.txt", "gotcha".getBytes());
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertTrue(problem.getMessage().contains("\"../evil.txt\" points outside the folder"), problem.getMessage());
        assertFalse(Files.exists(folder.resolve("evil.txt")), "nothing may be written next to the destination");
    }

    @Test
    void anAbsoluteEntryIsRefused() throws Exception {
        Path zip = zip("absolute.zip", "/tmp/evil.txt", "gotcha".getBytes());
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertTrue(problem.getMessage().contains("absolute path"), problem.getMessage());
    }

    @Test
    void aZipBombIsRefusedBeforeItFillsTheDisk() throws Exception {
        Path zip = folder.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("zeros.java"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 1 << 20, "the bomb itself is small: " + Files.size(zip));
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertTrue(problem.getMessage().contains("\"zeros.java\""), problem.getMessage());
        assertTrue(Files.size(folder.resolve("out/zeros.java")) <= 11 << 20, "unpacking stopped at the 10 MiB cap, not at 200 MiB");
    }

    @Test
    void anEntryThatExpandsTooMuchIsRefusedAsABomb() throws Exception {
        Path zip = zip("ratio.zip", "zeros.java", new byte[3 << 20]);
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertTrue(problem.getMessage().contains("looks like a zip bomb"), problem.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Path zip = folder.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 11; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".txt"));
                out.closeEntry();
            }
        }
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), new SafeUnzip.Limits(10, 1 << 20, 1 << 20, 100)));
        assertTrue(problem.getMessage().contains("11 entries, more than the 10 allowed"), problem.getMessage());
    }

    @Test
    void aSymbolicLinkEntryIsRefused() throws Exception {
        Path zip = zip("link.zip", "Model.java", "/etc/passwd".getBytes());
        markFirstEntryAsUnixSymlink(zip);
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(zip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertTrue(problem.getMessage().contains("symbolic links (Model.java)"), problem.getMessage());
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path notZip = folder.resolve("notes.zip");
        Files.writeString(notZip, "just text");
        SubmissionProblem problem = assertThrows(SubmissionProblem.class,
                () -> SafeUnzip.extract(notZip, folder.resolve("out"), SafeUnzip.Limits.DEFAULT));
        assertTrue(problem.getMessage().startsWith("The file is not a readable zip"), problem.getMessage());
    }

    private Path zip(String name, String entry, byte[] content) throws IOException {
        Path zip = folder.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return zip;
    }

    /** What `zip -y` writes for a link: host Unix (3) in "version made by", mode 0120777 in the external attributes. */
    private static void markFirstEntryAsUnixSymlink(Path zip) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        for (int at = 0; at + 4 <= bytes.length; at++) {
            if (bytes[at] == 0x50 && bytes[at + 1] == 0x4b && bytes[at + 2] == 0x01 && bytes[at + 3] == 0x02) {
                bytes[at + 5] = 3;
                int mode = 0120777 << 16;
                for (int i = 0; i < 4; i++) {
                    bytes[at + 38 + i] = (byte) (mode >>> (8 * i));
                }
                try (OutputStream out = Files.newOutputStream(zip)) {
                    out.write(bytes);
                }
                return;
            }
        }
        throw new IllegalStateException("no central directory header");
    }
}
