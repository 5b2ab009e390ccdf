package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PackageCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... arguments) {
        CommandLine command = new CommandLine(new PackageCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }

    @Test
    void packagingTheGradescopeAutograderTwiceGivesTheSameBytes(@TempDir Path temp) throws IOException {
        Path jar = Files.write(temp.resolve("grader.jar"), new byte[] {1, 2, 3});
        assertEquals(0, run("gradescope", "--jar", jar.toString(), "--out", temp.resolve("a.zip").toString()), err.toString());
        assertEquals(0, run("GRADESCOPE", "--jar", jar.toString(), "--out", temp.resolve("b.zip").toString()), err.toString());
        assertTrue(out.toString().contains("Upload it in Gradescope"), "says what to do next: " + out);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(temp.resolve("a.zip")), Files.readAllBytes(temp.resolve("b.zip"))),
                "the archive must be reproducible");
    }

    @Test
    void anUnknownReleaseIsABadUsageThatListsTheReleases(@TempDir Path temp) {
        assertEquals(2, run("moodle", "--out", temp.resolve("x.zip").toString()));
        assertTrue(err.toString().contains("'moodle' is not a release: use student, gradescope or prairielearn"), err.toString());
    }

    @Test
    void aPlatformReleaseFromAClassFolderAsksForTheJar(@TempDir Path temp) {
        Kit.skipUnless(GraderJar.running().isEmpty(), "this test runs the grader from its class folder");
        assertEquals(2, run("prairielearn", "--out", temp.resolve("pl.zip").toString()));
        assertTrue(err.toString().contains("--jar grader/target/grader.jar"), err.toString());
        assertTrue(!Files.exists(temp.resolve("pl.zip")), "nothing is written on a usage error");
    }

    @Test
    void theStudentHandoutIsWrittenWhenTheStudentModuleIsThereAndRefusedClearlyOtherwise(@TempDir Path temp) {
        Path zip = temp.resolve("kit-student.zip");
        int exit = run("student", "--out", zip.toString());
        if (Kit.hasStudentModule()) {
            assertEquals(0, exit, err.toString());
            assertTrue(Files.exists(zip));
        } else {
            assertEquals(2, exit);
            assertTrue(err.toString().contains("cannot build the student handout: the grader was built without"), err.toString());
        }
    }
}
