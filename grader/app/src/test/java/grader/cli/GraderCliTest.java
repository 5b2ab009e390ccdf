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
        // What stays is the cache of the test JVM's slim class path (ChildIsolation.cacheFolder), and only that.
        assertEquals(List.of(), list(temp).stream().filter(left -> !left.getFileName().toString().startsWith("grader-cache-"))
                .toList(), "scratch folders are deleted");
        for (Path cache : list(temp)) {
            assertTrue(list(cache).stream().allMatch(file -> file.getFileName().toString().matches("child-classpath-\\w+\\.jar")),
                    () -> "the cache holds only slim class paths: " + cache);
        }
        assertTrue(!out.toString().contains("\"gradable\""), "the JSON goes to the file, never to stdout");
    }

    @Test
    void sandboxRequiredWithoutBubblewrapExitsWithTwoAndSaysWhy() throws Exception {
        Path results = folder.resolve("results.json");
        withoutBubblewrap(() -> assertEquals(ExitCode.UNUSABLE, run("grade", solutionFolder().toString(),
                "--out", results.toString(), "--sandbox", "required")));
        assertTrue(err.toString().contains("--sandbox required, but the test JVMs cannot be sandboxed here")
                && err.toString().contains("apt-get install bubblewrap"), err.toString());
        assertTrue(Files.notExists(results), "nothing is graded without the sandbox it requires");
    }

    @Test
    void sandboxAutoWithoutBubblewrapWarnsOnceAndGrades() throws Exception {
        Path results = folder.resolve("results.json");
        withoutBubblewrap(() -> assertEquals(ExitCode.OK, run("grade", solutionFolder().toString(),
                "--out", results.toString())));
        assertEquals(1, err.toString().split("warning: no sandbox around the test JVMs", -1).length - 1, err.toString());
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertTrue(json.getAsJsonObject("extra_data").get("sandbox").getAsString().startsWith("unavailable: "),
                json.toString());
        assertTrue(json.get("score").getAsDouble() > 0, () -> "the solution is graded all the same: " + json);
    }

    @Test
    void sandboxRequiredGradesInBubblewrapWhereItWorks() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(grader.sandbox.Sandbox.probe(java.util.Optional.empty()).works(),
                "bubblewrap does not work here");
        Path results = folder.resolve("results.json");
        assertEquals(ExitCode.OK, run("grade", solutionFolder().toString(), "--out", results.toString(),
                "--sandbox", "required"));
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals("bubblewrap", json.getAsJsonObject("extra_data").get("sandbox").getAsString(), json.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anUnknownChildUserIsBadUsage() throws Exception {
        assertEquals(ExitCode.UNUSABLE, run("grade", solutionFolder().toString(), "--child-user", "no-such-user-here"));
        assertTrue(err.toString().contains("no such user"), err.toString());
    }

    private Path solutionFolder() throws Exception {
        Path submission = Files.createDirectories(folder.resolve("submission"));
        Files.writeString(submission.resolve("Model.java"), Submissions.solution());
        return submission;
    }

    /** Runs {@code action} with the grader pointed at a bwrap that does not exist. */
    private static void withoutBubblewrap(org.junit.jupiter.api.function.Executable action) throws Exception {
        System.setProperty("grader.bwrap", "/nonexistent/bwrap");
        try {
            action.execute();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        } finally {
            System.clearProperty("grader.bwrap");
        }
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
