package kit.stubs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drift check of {@code mvn verify}: the committed {@code student/} must be exactly what the
 * generator makes of {@code solution/}, and must not contain the solution.
 */
class StudentCopyIsUpToDateTest {
    static Path repositoryRoot() {
        return Path.of(System.getProperty("kit.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void theCommittedStudentFolderIsTheGeneratorsOutput() {
        List<String> differences = new StudentTree(repositoryRoot()).differences();
        if (!differences.isEmpty()) {
            fail(GenerateStudent.driftReport(differences));
        }
    }

    @Test
    void noAnswerLineOfTheSolutionReachesTheStudentModel() throws IOException {
        Path root = repositoryRoot();
        List<String> solution = Files.readAllLines(root.resolve(StudentTree.SOLUTION_SOURCES).resolve("Model.java"));
        String student = new StudentTree(root).expected().get(StudentTree.STUDENT_SOURCES + "/Model.java");
        boolean inBlock = false;
        int answerLines = 0;
        for (String line : solution) {
            String code = line.strip();
            if (code.startsWith("// BEGIN SOLUTION") || code.startsWith("// END SOLUTION")) {
                inBlock = code.startsWith("// BEGIN");
            } else if (inBlock && !code.startsWith("// STUB:") && !code.startsWith("// TODO") && !code.isEmpty()) {
                answerLines++;
                assertFalse(student.contains(code), "the student's Model.java contains the answer line: " + code);
            }
        }
        assertTrue(answerLines > 10, "the solution's Model.java should have its answers in blocks, found " + answerLines + " lines");
        assertFalse(student.contains("SOLUTION") || student.contains("STUB:"), "markers must not reach students");
    }
}
