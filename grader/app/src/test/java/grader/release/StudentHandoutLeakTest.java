package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the real kit-student.zip and scans every file for what students must never get: solution
 * blocks and their code, hidden test names, grader files and the instructor's answers.
 */
class StudentHandoutLeakTest {
    @TempDir
    static Path temp;
    static Path unpacked;
    static List<String> files;

    @BeforeAll
    static void unpackTheHandout() throws IOException {
        Kit.skipUnless(Kit.hasStudentModule(), Kit.NO_STUDENT_MODULE);
        Path zip = temp.resolve("kit-student.zip");
        DeterministicZip.write(new StudentHandout(BundledFiles.ofRunningGrader()).entries(), zip);
        unpacked = temp.resolve("kit-student");
        Kit.extract(zip, unpacked);
        files = Kit.relativeFiles(unpacked);
    }

    @Test
    void theHandoutHoldsOnlyTheStudentsProject() {
        Set<String> allowedTops = Set.of("pom.xml", "README.md", "ANSWERS.md", "exercises.md", ".gitignore", ".gitattributes", ".github",
                "mvnw", "mvnw.cmd", ".mvn", "autodiff", "student");
        List<String> strays = files.stream().filter(file -> !allowedTops.contains(file.split("/")[0])).toList();
        assertEquals(List.of(), strays, "files outside the student's project");
        List<String> compiled = files.stream().filter(file -> file.endsWith(".class") || file.endsWith(".jar")).toList();
        assertEquals(List.of(), compiled, "the handout ships sources, never compiled code");
    }

    @Test
    void noFileContainsSolutionMarkersHiddenTestNamesOrGraderCode() throws IOException {
        List<String> forbidden = new ArrayList<>(List.of("BEGIN SOLUTION", "END SOLUTION", "grader.hidden", "grader.rubric",
                "grader.kit", "@Points(", "batchnorm_reference.json",
                // the hidden test classes known when this was written; hiddenTestClassNames() finds later ones
                "Ex2BatchNormTest", "Ex3RunningAveragesTest", "Ex4TrainingTest", "Ex4PyTorchReferenceTest"));
        forbidden.addAll(hiddenTestClassNames());
        List<String> leaks = new ArrayList<>();
        for (String file : files) {
            String text = Files.readString(unpacked.resolve(file), StandardCharsets.ISO_8859_1);
            for (String word : forbidden) {
                if (text.contains(word)) {
                    leaks.add(file + " contains '" + word + "'");
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void noLineOfTheSolutionsBlocksAppearsInTheStudentsCode() throws IOException {
        Set<String> studentLines = new LinkedHashSet<>();
        for (String file : files) {
            if (file.endsWith(".java")) {
                Files.readAllLines(unpacked.resolve(file)).forEach(line -> studentLines.add(line.strip()));
            }
        }
        List<String> leaks = solutionBlockLines().stream().filter(studentLines::contains).toList();
        assertEquals(List.of(), leaks, "solution code found in the handout's Java files");
    }

    @Test
    void noneOfTheInstructorsAnswersAppearsAnywhere() throws IOException {
        Path instructorAnswers = Kit.root().resolve("solution/ANSWERS.md");
        Kit.skipUnless(Files.exists(instructorAnswers), "solution/ANSWERS.md is not in this checkout yet");
        Set<String> questions = new LinkedHashSet<>(Files.readAllLines(Kit.root().resolve("student/ANSWERS.md")));
        List<String> answerLines = Files.readAllLines(instructorAnswers).stream()
                .filter(line -> !questions.contains(line)).map(String::strip).filter(line -> line.length() >= 30).toList();
        assertTrue(!answerLines.isEmpty(), "solution/ANSWERS.md should hold answers that student/ANSWERS.md does not");
        List<String> leaks = new ArrayList<>();
        for (String file : files) {
            String text = Files.readString(unpacked.resolve(file), StandardCharsets.ISO_8859_1);
            answerLines.stream().filter(text::contains).forEach(line -> leaks.add(file + ": " + line));
        }
        assertEquals(List.of(), leaks, "instructor answers found in the handout");
    }

    /** Names of the hidden test classes, from the exercise module's sources (top-level *Test classes). */
    private static List<String> hiddenTestClassNames() throws IOException {
        Path hidden = Kit.root().resolve("grader/exercise/src/main/java/grader/hidden");
        try (Stream<Path> sources = Files.list(hidden)) {
            List<String> names = sources.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith("Test.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .toList();
            assertTrue(!names.isEmpty(), "no hidden test sources found in " + hidden);
            return names;
        }
    }

    /** Code lines between BEGIN and END SOLUTION in the solution's sources, long enough to be telling. */
    private static Set<String> solutionBlockLines() throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        try (Stream<Path> sources = Files.walk(Kit.root().resolve("solution/src/main/java/batchnorm"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                boolean inBlock = false;
                for (String line : Files.readAllLines(source)) {
                    String code = line.strip();
                    if (code.contains("BEGIN SOLUTION")) {
                        inBlock = true;
                    } else if (code.contains("END SOLUTION")) {
                        inBlock = false;
                    } else if (inBlock && !code.startsWith("//") && code.length() >= 20) {
                        lines.add(code);
                    }
                }
            }
        }
        return lines;
    }
}
