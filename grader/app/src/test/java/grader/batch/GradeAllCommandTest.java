package grader.batch;

import grader.command.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.cli.GraderCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GradeAllCommandTest {
    @TempDir
    Path temp;

    private int run(StringWriter err, String... args) {
        CommandLine cli = GraderCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void aClassFolderThatDoesNotExistIsBadUsage() {
        StringWriter err = new StringWriter();

        int exit = run(err, "grade-all", temp.resolve("nowhere").toString(), "--out", temp.resolve("out").toString());

        assertEquals(ExitCode.UNUSABLE, exit, "exit code for bad usage");
        assertTrue(err.toString().contains("DIR must be a folder"), "says what is wrong: " + err);
    }

    @Test
    void aClassFolderWithoutSubmissionsIsBadUsageAndWritesNothing() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("class"));
        StringWriter err = new StringWriter();

        int exit = run(err, "grade-all", empty.toString(), "--out", temp.resolve("out").toString());

        assertEquals(ExitCode.UNUSABLE, exit, "nothing to grade");
        assertTrue(err.toString().contains("nothing to grade"), "says why: " + err);
        assertTrue(Files.notExists(temp.resolve("out")), "no output folder for an empty class");
    }

    @Test
    void theSimilarityThresholdMustBeAFraction() throws Exception {
        Path classFolder = Files.createDirectories(temp.resolve("class").resolve("ann"));
        StringWriter err = new StringWriter();

        int exit = run(err, "grade-all", classFolder.getParent().toString(), "--out", temp.resolve("out").toString(),
                "--similarity-threshold", "1.5");

        assertEquals(ExitCode.UNUSABLE, exit, "bad usage");
        assertTrue(err.toString().contains("--similarity-threshold"), "names the option: " + err);
    }

    @Test
    void aCanvasExportWithoutTheNamedColumnIsBadUsageBeforeAnyGrading() throws Exception {
        Path classFolder = Files.createDirectories(temp.resolve("class").resolve("ann"));
        Path export = Files.writeString(temp.resolve("export.csv"),
                "Student,ID,SIS User ID,SIS Login ID,Section,Lab 1 (11)\r\nAnn,1,,ann,S,\r\n");
        StringWriter err = new StringWriter();

        int exit = run(err, "grade-all", classFolder.getParent().toString(), "--out", temp.resolve("out").toString(),
                "--canvas", export.toString(), "--canvas-column", "Lab 2");

        assertEquals(ExitCode.UNUSABLE, exit, "bad usage");
        assertTrue(err.toString().contains("no assignment column \"Lab 2\" in the export; its assignments are: Lab 1 (11)"),
                "names the columns there are: " + err);
        assertTrue(Files.notExists(temp.resolve("out")), "nothing graded, nothing written");
    }

    @Test
    void aCanvasColumnWithoutAnExportIsBadUsage() throws Exception {
        Path classFolder = Files.createDirectories(temp.resolve("class").resolve("ann"));
        StringWriter err = new StringWriter();

        int exit = run(err, "grade-all", classFolder.getParent().toString(), "--out", temp.resolve("out").toString(),
                "--canvas-column", "Lab 2");

        assertEquals(ExitCode.UNUSABLE, exit, "bad usage");
        assertTrue(err.toString().contains("--canvas-column needs --canvas EXPORT.csv"), err.toString());
    }

    @Test
    void aMalformedMemorySizeIsBadUsageAndWritesNothing() throws Exception {
        Path classFolder = Files.createDirectories(temp.resolve("class").resolve("ann"));
        StringWriter err = new StringWriter();

        int exit = run(err, "grade-all", classFolder.getParent().toString(), "--out", temp.resolve("out").toString(),
                "--memory", "lots");

        assertEquals(ExitCode.UNUSABLE, exit, "bad usage");
        assertTrue(err.toString().contains("--memory takes a size like 256m"), "names the option: " + err);
        assertTrue(Files.notExists(temp.resolve("out")), "no output folder for a bad command line");
    }

    @Test
    void withoutBubblewrapAutoWarnsOnceGradesAndTheClassReportSaysSo() throws Exception {
        Path classFolder = oneSubmission();
        StringWriter err = new StringWriter();

        int exit = withoutBubblewrap(() -> run(err, "grade-all", classFolder.toString(), "--out",
                temp.resolve("out").toString(), "--jobs", "1"));

        assertEquals(ExitCode.OK, exit, "graded all the same: " + err);
        assertEquals(1, err.toString().split("warning: no sandbox around the test JVMs", -1).length - 1, err.toString());
        String report = Files.readString(temp.resolve("out/report.html"));
        assertTrue(report.contains("<strong>No sandbox.</strong>") && report.contains("unavailable: "), report);
        String json = Files.readString(temp.resolve("out/ann.json"));
        assertTrue(json.contains("\"sandbox\": \"unavailable: "), json);
    }

    @Test
    void sandboxRequiredWithoutBubblewrapExitsWithTwoAndGradesNothing() throws Exception {
        Path classFolder = oneSubmission();
        StringWriter err = new StringWriter();

        int exit = withoutBubblewrap(() -> run(err, "grade-all", classFolder.toString(), "--out",
                temp.resolve("out").toString(), "--sandbox", "required"));

        assertEquals(ExitCode.UNUSABLE, exit, "the sandbox was required: " + err);
        assertTrue(err.toString().contains("grade-all: --sandbox required, but the test JVMs cannot be sandboxed here"),
                err.toString());
        assertTrue(Files.notExists(temp.resolve("out/ann.json")), "nothing is graded without the required sandbox");
    }

    private Path oneSubmission() throws Exception {
        Path submission = Files.createDirectories(temp.resolve("class").resolve("ann"));
        Files.writeString(submission.resolve("Model.java"), grader.fixture.Submissions.solution());
        return submission.getParent();
    }

    /** Runs the command with the grader pointed at a bwrap that does not exist. */
    private static int withoutBubblewrap(java.util.function.IntSupplier command) {
        System.setProperty("grader.bwrap", "/nonexistent/bwrap");
        try {
            return command.getAsInt();
        } finally {
            System.clearProperty("grader.bwrap");
        }
    }
}
