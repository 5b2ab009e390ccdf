package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    private static final long RUN_TIMEOUT_SECONDS = 660;
    /** timeout(1)'s exit code when it had to kill the command. */
    private static final int TIMEOUT_KILLED = 124;
    /** Where .ci/run and this machine have a JDK 25 (Temurin); -Djdk25.home elsewhere. */
    private static final Path JDK_25 = Path.of(System.getProperty("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    static int questionTimeout;
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
        Kit.skipUnless(Processes.onPath("timeout"), "coreutils' timeout is needed to stand in for PrairieLearn's job timeout");
        JsonObject info = JsonParser.parseString(Files.readString(course.resolve("questions/batchnorm/info.json"))).getAsJsonObject();
        questionTimeout = info.getAsJsonObject("externalGradingOptions").get("timeout").getAsInt();
    }

    /** Lays out /grade as PrairieLearn does (serverFilesCourse copied, student files, no results folder) and grades. */
    private static JsonObject grade(String name, String modelJava) throws Exception {
        return grade(name, modelJava, Map.of()).results();
    }

    /** How one grading ended: the entrypoint's exit code and output, and results.json. */
    record Graded(int exitCode, String output, JsonObject results) {
    }

    /**
     * Grades as PrairieLearn does: the entrypoint under {@code timeout <info.json's timeout>}, the grader
     * host's kill (https://prairielearn.readthedocs.io/en/latest/externalGrading/: "If grading has not
     * completed after that time has elapsed, the job will be killed and reported as a failure").
     */
    private static Graded grade(String name, String modelJava, Map<String, String> extraEnvironment) throws Exception {
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
        environment.putAll(extraEnvironment);
        // PrairieLearn makes the entrypoint executable and runs it; the zip already stores it as 755
        List<String> command = List.of("timeout", String.valueOf(questionTimeout), graderFolder.resolve("run.sh").toString());
        Processes.Outcome run = Processes.run(grade, environment, RUN_TIMEOUT_SECONDS, command);
        assertNotEquals(TIMEOUT_KILLED, run.exitCode(), "PrairieLearn would have killed the job after info.json's "
                + questionTimeout + " s, and the student would see a grading failure:\n" + run.output());
        Path results = grade.resolve("results/results.json");
        assertTrue(Files.exists(results), "no results.json:\n" + run.output());
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(List.of(), ResultsFormats.prairieLearnProblems(json), "results.json must follow PrairieLearn's format:\n" + json);
        return new Graded(run.exitCode(), run.output(), json);
    }

    @Test
    void theSolutionScoresOne() throws Exception {
        JsonObject results = grade("solution", Submissions.solution());
        assertEquals(1.0, results.get("score").getAsDouble(), 1e-9, results.toString());
        assertFalse(results.getAsJsonArray("tests").isEmpty(), "each hidden test is listed for pl-external-grader-results");
    }

    @Test
    void anEndlessLoopIsGradedWithinInfoJsonsTimeoutAndKeepsThePointsOfTheTestsThatPass() throws Exception {
        JsonObject results = grade("endless-loop", Submissions.solutionLoopingInEvalMode(), Map.of()).results();
        assertTrue(results.get("gradable").getAsBoolean(), "an endless loop is the student's bug, graded as such: " + results);
        double score = results.get("score").getAsDouble();
        assertTrue(score > 0 && score < 1, "partial credit: the training-mode tests pass, the looping ones do not: " + results);
        assertTrue(results.toString().contains("timed out"), "the looping tests say they timed out: " + results);
    }

    @Test
    void theEntrypointGradesOnJdk25AsOnPrairieLearnsJavaImage() throws Exception {
        // prairielearn/grader-java (graders/java/Dockerfile): Ubuntu 24.04, openjdk-25-jdk-headless, user sbuser
        Kit.skipUnless(Files.isExecutable(JDK_25.resolve("bin/java")), "no JDK 25 at " + JDK_25
                + " (set -Djdk25.home): the entrypoint is not checked on Java 25 here");
        Map<String, String> jdk25 = Map.of("JAVA_HOME", JDK_25.toString(),
                "PATH", JDK_25.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        Graded graded = grade("solution-on-jdk-25", Submissions.solution(), jdk25);
        assertTrue(graded.output().contains("version \"25"), "the grader must have run on Java 25:\n" + graded.output());
        assertEquals(1.0, graded.results().get("score").getAsDouble(), 1e-9, graded.results().toString());
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
