package kit.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check on a small repository of its own: in sync after writing, out of sync after a hand edit. */
class StudentTreeTest {
    @TempDir
    Path root;
    StudentTree tree;

    @BeforeEach
    void aSolutionWithOneExerciseFileAndOneGivenFile() throws IOException {
        Path sources = Files.createDirectories(root.resolve(StudentTree.SOLUTION_SOURCES));
        Files.writeString(sources.resolve("Model.java"), String.join("\n",
                "class Model {", "  int f() {", "    // BEGIN SOLUTION", "    // STUB: return 0;", "    return 42;",
                "    // END SOLUTION", "  }", "}", ""));
        Files.writeString(sources.resolve("Layer.java"), "interface Layer {}\n");
        Files.writeString(root.resolve(StudentTree.SOLUTION_ANSWERS), "Why?\n" + AnswerSheet.BEGIN + "\nBecause.\n" + AnswerSheet.END + "\n");
        tree = new StudentTree(root);
    }

    private Path student(String file) {
        return root.resolve(StudentTree.STUDENT_SOURCES).resolve(file);
    }

    @Test
    void writingGivesStubsGivenFilesAndQuestionsAndNoDrift() throws IOException {
        tree.write();
        assertEquals("class Model {\n  int f() {\n    return 0;\n  }\n}\n", Files.readString(student("Model.java")));
        assertEquals("interface Layer {}\n", Files.readString(student("Layer.java")), "a given file is copied");
        assertEquals("Why?\n" + AnswerSheet.PLACEHOLDER + "\n", Files.readString(root.resolve(StudentTree.STUDENT_ANSWERS)));
        assertEquals(List.of(), tree.differences(), "right after writing, nothing drifts");
    }

    @Test
    void aHandEditOfTheStudentCopyIsDriftNamingFileAndLine() throws IOException {
        tree.write();
        Files.writeString(student("Model.java"), Files.readString(student("Model.java")).replace("return 0;", "return 42;"));
        assertEquals(List.of(StudentTree.STUDENT_SOURCES + "/Model.java differs from the generator's output, first at line 3"),
                tree.differences());
    }

    @Test
    void anEditOfTheSolutionWithoutRegeneratingIsDrift() throws IOException {
        tree.write();
        Files.writeString(root.resolve(StudentTree.SOLUTION_SOURCES).resolve("Layer.java"), "interface Layer { void f(); }\n");
        assertEquals(List.of(StudentTree.STUDENT_SOURCES + "/Layer.java differs from the generator's output, first at line 1"),
                tree.differences());
    }

    @Test
    void missingAndExtraFilesAreDriftAndWritingRemovesTheExtraOne() throws IOException {
        tree.write();
        Files.delete(student("Layer.java"));
        Files.writeString(student("Helper.java"), "class Helper {}\n");
        assertEquals(List.of(StudentTree.STUDENT_SOURCES + "/Layer.java is missing",
                StudentTree.STUDENT_SOURCES + "/Helper.java is not made by the generator (no such file in "
                        + StudentTree.SOLUTION_SOURCES + ")"), tree.differences());
        tree.write();
        assertFalse(Files.exists(student("Helper.java")), "regenerating removes a file the generator does not make");
        assertEquals(List.of(), tree.differences());
    }

    @Test
    void theDriftReportEndsWithTheCommandThatRegenerates() {
        String report = GenerateStudent.driftReport(List.of("student/x is missing"));
        assertTrue(report.contains("  - student/x is missing"), report);
        assertTrue(report.endsWith("Regenerate it with:\n  " + GenerateStudent.COMMAND), report);
    }
}
