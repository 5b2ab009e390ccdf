package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * platforms/common/grade_submission.sh with a stand-in grader jar that reports who ran it and what it
 * saw, so the script's own duties are checked without the real grader: the user switch, the copy of the
 * JSON, the results folder, and the fallback result when the grader writes nothing.
 */
class GradeSubmissionScriptTest {
    private static final String FAKE_GRADER = """
            import java.nio.file.*;
            public class FakeGrader {
                public static void main(String[] args) throws Exception {
                    if (args[1].equals("--help")) { // the script's probe for --child-user
                        System.out.println(System.getenv("FAKE_CHILD_USER") != null ? "  --child-user=USER" : "  --out=FILE");
                        return;
                    }
                    // args: grade SUBMISSION --format FORMAT --out FILE [OPTION...]
                    Path submission = Path.of(args[1]);
                    if (Files.exists(submission.resolve("crash"))) {
                        System.exit(1);
                    }
                    long files;
                    try (var listing = Files.list(submission)) { files = listing.count(); }
                    Files.writeString(Path.of(args[5]), "{\\"user\\":\\"" + System.getProperty("user.name")
                            + "\\",\\"format\\":\\"" + args[3] + "\\",\\"files\\":" + files
                            + ",\\"options\\":\\"" + String.join(" ", java.util.Arrays.copyOfRange(args, 6, args.length)) + "\\"}");
                }
            }
            """;
    @TempDir
    static Path temp;
    static Path fakeJar;
    @TempDir
    Path run;

    @BeforeAll
    static void buildTheStandInGrader() throws IOException {
        Kit.skipUnless(Processes.onPath("bash"), "bash is needed to run the platform scripts");
        Path source = Files.writeString(temp.resolve("FakeGrader.java"), FAKE_GRADER);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", temp.toString(), source.toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeGrader");
        fakeJar = temp.resolve("grader.jar");
        try (OutputStream file = Files.newOutputStream(fakeJar); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry("FakeGrader.class"));
            jar.write(Files.readAllBytes(temp.resolve("FakeGrader.class")));
            jar.closeEntry();
        }
    }

    private Processes.Outcome gradeSubmission(List<String> submissionFiles, String format) throws Exception {
        return gradeSubmission(submissionFiles, format, Map.of(), List.of());
    }

    private Processes.Outcome gradeSubmission(List<String> submissionFiles, String format, Map<String, String> extraEnvironment,
                                              List<String> graderOptions) throws Exception {
        Path submission = Files.createDirectories(run.resolve("submission"));
        for (String name : submissionFiles) {
            Files.writeString(submission.resolve(name), "class X {}");
        }
        Map<String, String> environment = new HashMap<>();
        if (Processes.runningAsRoot()) {
            environment.put("GRADER_USER", "nobody");
        }
        environment.putAll(extraEnvironment);
        String script = Kit.root().resolve("platforms/common/grade_submission.sh").toString();
        List<String> command = new java.util.ArrayList<>(List.of("bash", script, fakeJar.toString(), submission.toString(), format,
                run.resolve("results/results.json").toString()));
        command.addAll(graderOptions);
        return Processes.run(run, environment, 120, command);
    }

    private JsonObject results() throws IOException {
        return JsonParser.parseString(Files.readString(run.resolve("results/results.json"))).getAsJsonObject();
    }

    @Test
    void theGradersJsonLandsInTheResultsFolderWhichIsCreatedWhenMissing() throws Exception {
        Processes.Outcome outcome = gradeSubmission(List.of("Model.java", "Notes.txt"), "prairielearn");
        assertEquals(0, outcome.exitCode(), outcome.output());
        JsonObject results = results();
        assertEquals("prairielearn", results.get("format").getAsString(), "the format is passed on to the grader");
        assertEquals(2, results.get("files").getAsInt(), "the grader sees the submission's files");
        assertFalse(Files.exists(run.resolve("results/results.json.part")), "no partial file is left behind");
    }

    @Test
    void asRootTheGraderRunsAsTheUnprivilegedUser() throws Exception {
        Kit.skipUnless(Processes.runningAsRoot(), "only root can switch users");
        Processes.Outcome outcome = gradeSubmission(List.of("Model.java"), "gradescope");
        assertEquals("nobody", results().get("user").getAsString(), outcome.output());
        assertTrue(outcome.output().contains("Grading as the unprivileged user 'nobody'."), outcome.output());
    }

    @Test
    void extraArgumentsGoToTheGraderAsTheyAre() throws Exception {
        gradeSubmission(List.of("Model.java"), "prairielearn", Map.of(), List.of("--total-timeout", "90", "--test-timeout", "20"));
        assertEquals("--total-timeout 90 --test-timeout 20", results().get("options").getAsString());
    }

    @Test
    void asRootAGraderWithChildUserRunsAsRootAndOnlyItsTestJvmAsTheUnprivilegedUser() throws Exception {
        Kit.skipUnless(Processes.runningAsRoot(), "only root can switch users");
        Processes.Outcome outcome = gradeSubmission(List.of("Model.java"), "gradescope", Map.of("FAKE_CHILD_USER", "1"), List.of("--timing"));
        JsonObject results = results();
        assertEquals("root", results.get("user").getAsString(), "the grader (parent) stays root: " + outcome.output());
        assertEquals("--timing --child-user nobody", results.get("options").getAsString(), outcome.output());
        assertTrue(outcome.output().contains("Grading as root; the tests run as the unprivileged user 'nobody'."), outcome.output());
    }

    @Test
    void whenTheGraderWritesNothingGradescopeGetsAZeroThatSaysToTellTheInstructor() throws Exception {
        Processes.Outcome outcome = gradeSubmission(List.of("crash"), "gradescope");
        assertEquals(0, outcome.exitCode(), "the script succeeds once a results file exists: " + outcome.output());
        JsonObject results = results();
        assertEquals(List.of(), ResultsFormats.gradescopeProblems(results), results.toString());
        assertEquals(0.0, results.get("score").getAsDouble());
        assertTrue(results.get("output").getAsString().contains("grader exit code 1") && results.get("output").getAsString().contains("tell your instructor"),
                results.toString());
    }

    @Test
    void whenTheGraderWritesNothingPrairieLearnGetsANotGradableResultThatCostsNoAttempt() throws Exception {
        gradeSubmission(List.of("crash"), "prairielearn");
        JsonObject results = results();
        assertEquals(List.of(), ResultsFormats.prairieLearnProblems(results), results.toString());
        assertFalse(results.get("gradable").getAsBoolean(), results.toString());
        assertTrue(results.getAsJsonArray("format_errors").get(0).getAsString().contains("tell your instructor"), results.toString());
    }
}
