package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example question's entrypoint in temporary folders laid out like PrairieLearn's /grade
 * (PL_GRADE_ROOT) and checks results.json against the documented format
 * (https://prairielearn.readthedocs.io/en/latest/externalGrading/#grading-results).
 */
class PrairieLearnQuestionIT {
    private static final long RUN_TIMEOUT_SECONDS = 300;
    private static final String GRADER = "serverFilesCourse/batchnorm_grader";
    @TempDir
    static Path temp;
    static Path course;
    static boolean asRoot;

    @BeforeAll
    static void packageTheQuestion() throws Exception {
        Path zip = GraderJarUnderTest.packaged(ReleaseKind.PRAIRIELEARN, temp.resolve("prairielearn-question.zip"));
        course = temp.resolve("course");
        Kit.extract(zip, course);
        asRoot = Processes.runningAsRoot();
    }

    /** Lays out /grade as PrairieLearn does (serverFilesCourse copied, student files, no results folder) and grades. */
    private static JsonObject grade(String name, String modelJava) throws Exception {
        Path grade = temp.resolve(name);
        Path graderFolder = grade.resolve(GRADER);
        Files.createDirectories(graderFolder);
        for (String file : Kit.relativeFiles(course.resolve(GRADER))) {
            Files.copy(course.resolve(GRADER).resolve(file), graderFolder.resolve(file));
        }
        Files.createDirectories(grade.resolve("student"));
        Files.writeString(grade.resolve("student/Model.java"), modelJava);
        Map<String, String> environment = new HashMap<>(Map.of("PL_GRADE_ROOT", grade.toString()));
        if (asRoot) {
            environment.put("GRADER_USER", "nobody");
        }
        // PrairieLearn makes the entrypoint executable and runs it; the zip already stores it as 755
        Processes.Outcome run = Processes.run(grade, environment, RUN_TIMEOUT_SECONDS, List.of(graderFolder.resolve("run.sh").toString()));
        Path results = grade.resolve("results/results.json");
        assertTrue(Files.exists(results), "no results.json:\n" + run.output());
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(List.of(), ResultsFormats.prairieLearnProblems(json), "results.json must follow PrairieLearn's format:\n" + json);
        return json;
    }

    @Test
    void theSolutionScoresOne() throws Exception {
        JsonObject results = grade("solution", Submissions.solution());
        assertEquals(1.0, results.get("score").getAsDouble(), 1e-9, results.toString());
        assertFalse(results.getAsJsonArray("tests").isEmpty(), "each hidden test is listed for pl-external-grader-results");
    }

    @Test
    void aSubmissionThatDoesNotCompileIsNotGradableAndShowsTheCompilerMessages() throws Exception {
        JsonObject results = grade("not-compiling", Submissions.notCompiling());
        assertFalse(results.get("gradable").getAsBoolean(), "a compile error must cost no attempt: " + results);
        assertTrue(results.has("format_errors") && !results.get("format_errors").toString().isBlank(),
                "the compiler's messages go in format_errors: " + results);
        assertTrue(results.get("format_errors").toString().contains("Model.java"), "the messages name the file: " + results);
    }
}
