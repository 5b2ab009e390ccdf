package grader.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grader.command.ExitCode;
import grader.fixture.Submissions;
import grader.mutants.MutantCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What students really submit never makes a command fail: code deep enough to overflow javac's default
 * stack is graded by {@code grade} and {@code grade-all}, and one submission gets the same JSON bytes on
 * JDK 17 and JDK 25.
 */
class RealSubmissionsTest {
    /** Where these machines keep a second JDK; {@code -Dgrader.secondJdk=...} points elsewhere. */
    private static final Path SECOND_JDK = Path.of(System.getProperty("grader.secondJdk",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));
    /** Overflows javac on a default 1 MB thread stack (see CompilerLimitsTest). */
    private static final int NESTING = 6000;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The solution with one more method, {@code levels} parentheses deep. */
    static String solutionWithDeepNesting(int levels) {
        String solution = Submissions.solution();
        int end = solution.lastIndexOf('}');
        return solution.substring(0, end) + "\n    int deep() {\n        return " + "(".repeat(levels) + "1"
                + ")".repeat(levels) + ";\n    }\n}\n";
    }

    private Path submission(String name, String model) throws Exception {
        Path submission = Files.createDirectories(folder.resolve("class").resolve(name));
        Files.writeString(submission.resolve("Model.java"), model);
        return submission;
    }

    @Test
    void gradeGradesCodeThatOverflowsTheCompilersDefaultStack() throws Exception {
        Path results = folder.resolve("results.json");
        int exit = run("grade", submission("deep", solutionWithDeepNesting(NESTING)).toString(), "--out", results.toString());
        assertEquals(ExitCode.OK, exit, () -> "stderr: " + err);
        JsonObject json = JsonParser.parseString(Files.readString(results)).getAsJsonObject();
        assertEquals(100.0, json.get("score").getAsDouble(), () -> "correct code, only deeply nested: " + json);
    }

    @Test
    void gradeAllGradesCodeThatOverflowsTheCompilersDefaultStack() throws Exception {
        submission("deep", solutionWithDeepNesting(NESTING));
        submission("plain", Submissions.solution());
        Path results = folder.resolve("results");
        int exit = run("grade-all", folder.resolve("class").toString(), "--out", results.toString(), "--jobs", "1");
        assertEquals(ExitCode.OK, exit, () -> "stderr: " + err);
        List<String> rows = Files.readAllLines(results.resolve("grades.csv"));
        assertEquals(List.of("deep,,100,100,GRADED", "plain,,100,100,GRADED"),
                rows.subList(1, rows.size()).stream().map(row -> String.join(",", List.of(row.split(",")).subList(0, 5))).toList(),
                "no internal error: " + rows);
    }

    @Test
    void oneSubmissionGetsTheSameJsonBytesOnJdk17AndJdk25() throws Exception {
        Path secondJava = SECOND_JDK.resolve("bin").resolve("java");
        Assumptions.assumeTrue(Files.isExecutable(secondJava), "skipped: no second JDK at " + SECOND_JDK
                + " (set -Dgrader.secondJdk=<a JDK 21+ home> to compare)");
        Path thisJava = Path.of(System.getProperty("java.home"), "bin", "java");
        String java21Api = Submissions.solution().replace("public Node loss(Matrix x, Matrix y) {",
                "String firstKey() {\n        return new java.util.ArrayList<>(params.keySet()).getFirst();\n    }\n\n"
                        + "    public Node loss(Matrix x, Matrix y) {");
        // A graded submission whose failures print numbers and diagnoses, and one that uses a Java 21 API.
        String betaLeftOut = MutantCatalog.bundled().orElseThrow().stream()
                .filter(mutant -> mutant.name().equals("beta-left-out")).findFirst().orElseThrow()
                .apply(Submissions.solution());
        for (String name : List.of("beta-left-out", "java-21-api")) {
            Path submission = submission(name, name.equals("beta-left-out") ? betaLeftOut : java21Api);
            byte[] onThisJdk = gradeInAnotherJvm(thisJava, submission, name + "-this.json");
            byte[] onSecondJdk = gradeInAnotherJvm(secondJava, submission, name + "-second.json");
            assertArrayEquals(onThisJdk, onSecondJdk, () -> name + ": " + new String(onThisJdk) + "\nversus\n"
                    + new String(onSecondJdk));
        }
        assertTrue(Files.readString(folder.resolve("beta-left-out-this.json")).contains("beta is missing"),
                "the graded submission's feedback is compared too");
        String compileError = Files.readString(folder.resolve("java-21-api-this.json"));
        assertTrue(compileError.contains("cannot find symbol"), "List.getFirst() is Java 21 and the kit is Java 17: "
                + compileError);
    }

    private byte[] gradeInAnotherJvm(Path java, Path submission, String resultName) throws Exception {
        Path results = folder.resolve(resultName);
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                GraderCli.class.getName(), "grade", submission.toString(), "--out", results.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve(resultName + ".log").toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), java + " did not finish grading");
        assertEquals(ExitCode.OK, process.exitValue(), () -> java + ": " + read(folder.resolve(resultName + ".log")));
        return Files.readAllBytes(results);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private int run(String... args) {
        CommandLine commandLine = GraderCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
