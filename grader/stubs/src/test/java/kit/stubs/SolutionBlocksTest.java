package kit.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionBlocksTest {
    private static List<String> stub(String... lines) {
        return SolutionBlocks.toStub("Model.java", List.of(lines));
    }

    private static String errorOf(String... lines) {
        return assertThrows(StubSyntaxException.class, () -> stub(lines)).getMessage();
    }

    @Test
    void aBlockBecomesItsStubLinesAtTheirIndentation() {
        List<String> student = stub(
                "int answer() {",
                "    // BEGIN SOLUTION",
                "    // STUB: int guess = 0;",
                "    int guess = 41;",
                "        // STUB: return guess;",
                "    return guess + 1;",
                "    // END SOLUTION",
                "}");
        assertEquals(List.of("int answer() {", "    int guess = 0;", "        return guess;", "}"), student,
                "the answer lines and markers go, each STUB line stays without its '// STUB: ' prefix");
    }

    @Test
    void todoCommentsInsideABlockAreKeptInTheirPlace() {
        List<String> student = stub(
                "    // BEGIN SOLUTION",
                "    // TODO Exercise 2: write the answer",
                "    int answer = 42; // not a TODO",
                "    // STUB: // and think",
                "    // END SOLUTION");
        assertEquals(List.of("    // TODO Exercise 2: write the answer", "    // and think"), student,
                "TODO comments survive, other lines of the block do not");
    }

    @Test
    void aBlockWithoutStubLinesThrowsNamingItsExercise() {
        List<String> student = stub(
                "void forward() {",
                "    // BEGIN SOLUTION (Exercise 4)",
                "    run();",
                "    // END SOLUTION",
                "}");
        assertEquals(List.of("void forward() {",
                "    throw new UnsupportedOperationException(\"Exercise 4 is not implemented yet (see exercises.md)\");",
                "}"), student, "the default stub is a throw with the marker's exercise number, at the marker's indentation");
    }

    @Test
    void linesOutsideBlocksAreCopiedAsTheyAre() {
        List<String> lines = List.of("package batchnorm;", "", "  // TODO keep me", "class Given {}");
        assertEquals(lines, SolutionBlocks.toStub("Given.java", lines), "a file without blocks must not change");
        assertFalse(SolutionBlocks.hasBlocks(lines), "a file without markers has no blocks");
        assertTrue(SolutionBlocks.hasBlocks(List.of("// BEGIN SOLUTION")), "a marker line makes a block");
    }

    @Test
    void aBlockWithoutStubLinesOrExerciseNumberIsAnErrorAtItsBeginLine() {
        String message = errorOf("class A {", "  // BEGIN SOLUTION", "  run();", "  // END SOLUTION", "}");
        assertEquals("Model.java:2: a block without STUB lines needs its exercise number: '// BEGIN SOLUTION (Exercise N)'",
                message);
    }

    @Test
    void anEndWithoutBeginIsAnErrorNamingFileAndLine() {
        assertEquals("Model.java:3: END SOLUTION without a BEGIN SOLUTION before it",
                errorOf("class A {", "  run();", "  // END SOLUTION", "}"));
    }

    @Test
    void aBeginNeverClosedIsAnErrorNamingItsLine() {
        assertEquals("Model.java:2: BEGIN SOLUTION is never closed by an END SOLUTION",
                errorOf("class A {", "  // BEGIN SOLUTION", "  // STUB: run();", "}"));
    }

    @Test
    void aBeginInsideABlockIsAnError() {
        assertEquals("Model.java:3: BEGIN SOLUTION inside the block opened at line 1 (blocks do not nest)",
                errorOf("// BEGIN SOLUTION", "// STUB: a();", "// BEGIN SOLUTION", "// END SOLUTION"));
    }

    @Test
    void aMisspeltMarkerIsAnErrorRatherThanAnAnswerLeakedToStudents() {
        assertTrue(errorOf("// BEGIN SOLUTION: Exercise 2", "secret();", "// END SOLUTION")
                        .startsWith("Model.java:1: misspelt marker '// BEGIN SOLUTION: Exercise 2'"),
                "a marker the generator does not understand must stop it");
    }

    @Test
    void aStubLineOutsideABlockIsAnError() {
        assertEquals("Model.java:2: STUB line outside a solution block", errorOf("class A {", "  // STUB: a();", "}"));
    }
}
