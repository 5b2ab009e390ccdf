package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged run_autograder in temporary folders laid out like Gradescope's /autograder
 * (AUTOGRADER_ROOT), on the solution, the stubs and hostile submissions, and checks each results.json
 * against the documented format (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
 */
class GradescopeAutograderIT {
    private static final long RUN_TIMEOUT_SECONDS = 300;
    @TempDir
    static Path temp;
    static Path zip;
    static boolean asRoot;

    @BeforeAll
    static void packageTheAutograder() throws Exception {
        zip = GraderJarUnderTest.packaged(ReleaseKind.GRADESCOPE, temp.resolve("autograder.zip"));
        asRoot = Processes.runningAsRoot();
    }

    /** Lays out one /autograder, runs run_autograder on this Model.java, and returns its stdout and results.json. */
    private static Graded grade(String name, String modelJava) throws Exception {
        Path root = temp.resolve(name);
        Kit.extract(zip, root.resolve("source"));
        Files.createDirectories(root.resolve("results"));
        Files.createDirectories(root.resolve("submission"));
        Files.writeString(root.resolve("submission/Model.java"), modelJava.replace("@RESULTS@", root.resolve("results/results.json").toString()));
        Map<String, String> environment = new HashMap<>(Map.of("AUTOGRADER_ROOT", root.toString()));
        if (asRoot) {
            environment.put("GRADER_USER", "nobody"); // setup.sh's user does not exist on this machine
        }
        // Gradescope copies run_autograder to /autograder and runs it from there, as an executable
        Processes.Outcome run = Processes.run(root, environment, RUN_TIMEOUT_SECONDS, List.of(root.resolve("source/run_autograder").toString()));
        assertEquals(0, run.exitCode(), "run_autograder must always succeed once it has written results:\n" + run.output());
        Path results = root.resolve("results/results.json");
        assertTrue(Files.exists(results), "no results.json:\n" + run.output());
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(List.of(), ResultsFormats.gradescopeProblems(json), "results.json must follow Gradescope's format:\n" + json);
        return new Graded(run.output(), json);
    }

    record Graded(String stdout, JsonObject results) {
        double score() {
            return results.get("score").getAsDouble();
        }

        double maxScore() {
            double max = 0;
            for (JsonElement test : results.getAsJsonArray("tests")) {
                if (test.getAsJsonObject().has("max_score")) { // the status-only pre-check has none
                    max += test.getAsJsonObject().get("max_score").getAsDouble();
                }
            }
            return max;
        }
    }

    @Test
    void theSolutionGetsFullMarks() throws Exception {
        Graded graded = grade("solution", Submissions.solution());
        assertTrue(graded.maxScore() > 0, "the hidden tests must carry points: " + graded.results());
        assertEquals(graded.maxScore(), graded.score(), 1e-9, "the solution must get every point: " + graded.results());
        if (asRoot) {
            // with the grader's --child-user: the grader as root and only the tests as nobody; without: all as nobody
            assertTrue(graded.stdout().contains("the tests run as the unprivileged user 'nobody'")
                    || graded.stdout().contains("Grading as the unprivileged user 'nobody'"), graded.stdout());
        }
    }

    @Test
    void aCompileErrorReachesTheStudentAsAFencedMarkdownBlockAndAFailedVisiblePreCheck() throws Exception {
        Graded graded = grade("not-compiling", Submissions.notCompiling());
        JsonObject results = graded.results();
        assertEquals("md", results.get("output_format").getAsString(), "not simple_format, which would eat <...> and carets");
        String output = results.get("output").getAsString();
        assertTrue(output.contains("The compiler says:\n\n```text\n") && output.contains("Model.java"), output);
        assertTrue(output.strip().endsWith("```"), "the compiler's messages are one fenced block: " + output);
        JsonObject preCheck = results.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertEquals("Compiles and uses only the allowed APIs", preCheck.get("name").getAsString());
        assertEquals("failed", preCheck.get("status").getAsString());
        assertEquals("visible", preCheck.get("visibility").getAsString());
        assertFalse(preCheck.has("score") || preCheck.has("max_score"), "status only: " + preCheck);
        assertEquals("compile_error", results.getAsJsonObject("extra_data").get("verdict").getAsString());
        assertTrue(results.getAsJsonObject("extra_data").get("grader_version").getAsString().matches("\\d+\\.\\d+\\.\\d+.*"),
                results.toString());
        assertTrue(results.has("execution_time"), "run_autograder asks for execution_time: " + results);
    }

    @Test
    void asRootTheSourceAndResultsFoldersAreClosedToOtherUsers() throws Exception {
        Kit.skipUnless(asRoot, "only root runs run_autograder the way Gradescope does (and can chmod its folders)");
        grade("permissions", Submissions.solution());
        Path root = temp.resolve("permissions");
        for (String folder : List.of("source", "results")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(root.resolve(folder));
            assertFalse(permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.OTHERS_EXECUTE),
                    "Gradescope's best practices: chmod o= " + folder + "; got " + PosixFilePermissions.toString(permissions));
        }
    }

    @Test
    void theStubsGetZero() throws Exception {
        Graded graded = grade("stubs", Submissions.stubs());
        assertEquals(0.0, graded.score(), "the stubs must score 0: " + graded.results());
        assertFalse(graded.results().getAsJsonArray("tests").isEmpty(), "every planned test is still listed");
    }

    @Test
    void printingAForgedResultChangesNothing() throws Exception {
        Graded graded = grade("forged-output", Submissions.solutionPrintingAForgedResult());
        assertEquals(graded.maxScore(), graded.score(), 1e-9, "the printout must neither add nor cost points: " + graded.results());
    }

    @Test
    void codeThatTriesToOverwriteTheResultsScoresZeroAndTheGradersFileStays() throws Exception {
        Graded graded = grade("overwrite-results", Submissions.solutionOverwritingTheResults("@RESULTS@"));
        assertEquals(0.0, graded.score(), "file IO is forbidden, so this submission scores 0: " + graded.results());
    }
}
