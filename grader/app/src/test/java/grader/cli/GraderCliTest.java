package grader.cli;

import grader.command.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.fixture.Submissions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: exit codes, where results go, and what it never touches. Uses the real hidden tests. */
class GraderCliTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpAndVersionExitWithZero() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out.toString().contains("grade") && out.toString().contains("selfcheck"), out.toString());
        assertEquals(ExitCode.OK, run("--version"));
        assertTrue(out.toString().contains("batchnorm-kit grader"), out.toString());
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(ExitCode.UNUSABLE, run());
        assertEquals(ExitCode.UNUSABLE, run("grade"));
        assertEquals(ExitCode.UNUSABLE, run("grade", "x", "--format", "xml"));
        assertEquals(ExitCode.UNUSABLE, run("grade", "x", "--out", folder.toString()));
    }

    @Test
    void aMissingSubmissionExitsWithTwoAndStillWritesAZeroScore() throws Exception {
        Path results = folder.resolve("results.json");
        assertEquals(ExitCode.UNUSABLE, run("grade", folder.resolve("nothing-here").toString(), "--out", results.toString()));
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(0.0, json.get("score").getAsDouble());
        assertTrue(json.get("output").getAsString().contains("does not exist"), json.toString());
    }

    @Test
    void gradingWritesTheJsonToOutOnlyAndLeavesNoScratchBehind() throws Exception {
        Path submission = Files.createDirectories(folder.resolve("submission"));
        Files.writeString(submission.resolve("Model.java"), Submissions.solution());
        Path results = Files.createDirectories(folder.resolve("results")).resolve("results.json");
        Path temp = Files.createDirectories(folder.resolve("tmp"));
        String savedTemp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", temp.toString());
        try {
            assertEquals(ExitCode.OK, run("grade", submission.toString(), "--out", results.toString(),
                    "--format", "prairielearn"));
        } finally {
            System.setProperty("java.io.tmpdir", savedTemp);
        }
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(1.0, json.get("score").getAsDouble(), () -> "the solution gets full marks: " + json);
        assertEquals(List.of(results), list(results.getParent()), "only the results file is written there");
        assertEquals(List.of(submission.resolve("Model.java")), list(submission), "the submission is untouched");
        assertEquals(List.of(), list(temp), "scratch folders are deleted");
        assertTrue(!out.toString().contains("\"gradable\""), "the JSON goes to the file, never to stdout");
    }

    @Test
    void anExistingResultSurvivesAFailedInvocation() throws Exception {
        Path results = folder.resolve("results.json");
        Files.writeString(results, "previous result");
        assertEquals(ExitCode.UNUSABLE, run("grade", folder.toString(), "--out", results.toString(), "--memory", "lots"));
        assertEquals("previous result", Files.readString(results));
    }

    private int run(String... args) {
        CommandLine commandLine = GraderCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
