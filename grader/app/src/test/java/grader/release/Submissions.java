package grader.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Model.java files to grade in the release checks: the solution, the stubs and hostile ones. */
final class Submissions {
    static final String FORGED_RESULT = "{\"score\": 1000.0, \"tests\": []}";

    private Submissions() {
    }

    static String solution() throws IOException {
        return Files.readString(Kit.root().resolve("solution/src/main/java/batchnorm/Model.java"));
    }

    static String stubs() throws IOException {
        return Files.readString(Kit.root().resolve("student/src/main/java/batchnorm/Model.java"));
    }

    /** The solution, plus a class initializer that prints a forged result: printing must change nothing. */
    static String solutionPrintingAForgedResult() throws IOException {
        return withClassInitializer(solution(), "System.out.println(\"" + escaped(FORGED_RESULT) + "\");");
    }

    /** The solution, plus code that tries to overwrite the platform's results file: it must score 0. */
    static String solutionOverwritingTheResults(String resultsFile) throws IOException {
        String attack = "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + resultsFile + "\"), \""
                + escaped(FORGED_RESULT) + "\"); } catch (Exception ignored) { }";
        return withClassInitializer(solution(), attack);
    }

    /**
     * The solution with an endless loop in eval mode: the Exercise 2 tests (training mode) pass, every test
     * that evaluates hangs until its time limit, and together those limits outlast PrairieLearn's timeout
     * unless the grader's total limit stops them first.
     */
    static String solutionLoopingInEvalMode() throws IOException {
        String evalMode = "private Node evalMode(Node x, String name) {";
        String solution = solution();
        if (!solution.contains(evalMode)) {
            throw new IllegalStateException("solution Model.java no longer declares '" + evalMode + "'");
        }
        // not `while (true)`: javac would reject the unreachable code after it
        return solution.replace(evalMode, evalMode + "\n        for (long turns = 0; turns >= 0; turns = (turns + 1) % 1000) { }");
    }

    /** A Model.java that does not compile. */
    static String notCompiling() throws IOException {
        return solution().replace("public Model(long seed) {", "public Model(long seed) { int broken = ;");
    }

    private static String withClassInitializer(String model, String body) {
        String classStart = "public final class Model {";
        if (!model.contains(classStart)) {
            throw new IllegalStateException("solution Model.java no longer declares '" + classStart + "'");
        }
        return model.replace(classStart, classStart + "\n    static { " + body + " }\n");
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
