package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout's rules, on small bundles made up for each test. */
class StudentHandoutTest {
    @TempDir
    Path classes;

    private StudentHandout handoutOf(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = classes.resolve(BundledFiles.ROOT + "handout").resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return new StudentHandout(new BundledFiles(classes));
    }

    private static Map<String, String> completeBundle() {
        Map<String, String> files = new TreeMap<>();
        for (String path : StudentHandout.REQUIRED) {
            files.put(path, "content of " + path);
        }
        files.remove(StudentHandout.ANSWERS);
        files.remove(StudentHandout.GITIGNORE);
        files.remove(StudentHandout.GITATTRIBUTES);
        files.put(StudentHandout.BUNDLED_GITIGNORE, "target/\n");
        files.put(StudentHandout.BUNDLED_GITATTRIBUTES, "mvnw text eol=lf\n");
        files.put(StudentHandout.BUNDLED_ANSWERS, "## Exercise 1\nWhy is a bias before batch norm redundant?\n");
        files.put(StudentHandout.ROOT_POM, "<project>\n  <properties>\n  </properties>\n  <modules>\n    <module>autodiff</module>\n    <module>grader</module>\n  </modules>\n</project>\n");
        return files;
    }

    @Test
    void theRootPomIsRewrittenAndTheAnswerSheetMovesToTheTop() throws IOException {
        List<ArchiveEntry> entries = handoutOf(completeBundle()).entries();
        Map<String, String> byPath = new TreeMap<>();
        entries.forEach(entry -> byPath.put(entry.path(), entry.text()));

        assertTrue(byPath.get("pom.xml").contains("<module>student</module>"), byPath.get("pom.xml"));
        assertTrue(!byPath.get("pom.xml").contains("<module>grader</module>"), "the grader module must be gone");
        assertEquals("## Exercise 1\nWhy is a bias before batch norm redundant?\n", byPath.get("ANSWERS.md"));
        assertTrue(!byPath.containsKey(StudentHandout.BUNDLED_ANSWERS), "ANSWERS.md appears once, at the top");
        assertEquals("target/\n", byPath.get(".gitignore"), "the handout's .gitignore gets its dot back");
        assertEquals("mvnw text eol=lf\n", byPath.get(".gitattributes"), "and so does its .gitattributes");
    }

    @Test
    void aMissingStudentModuleNamesWhatIsMissing() throws IOException {
        Map<String, String> files = completeBundle();
        files.remove("student/src/main/java/batchnorm/Model.java");
        files.remove("exercises.md");
        IncompleteReleaseException refused = assertThrows(IncompleteReleaseException.class, () -> handoutOf(files).entries());
        assertEquals(List.of("exercises.md", "student/src/main/java/batchnorm/Model.java"), refused.missing());
        assertTrue(refused.getMessage().contains("mvn -B -ntp -pl grader -am package"), "the message says how to fix it");
    }

    @Test
    void aSolutionBlockInAnyFileStopsThePackaging() throws IOException {
        Map<String, String> files = completeBundle();
        files.put("student/src/main/java/batchnorm/Model.java", "class Model {\n    // BEGIN SOLUTION\n    int answer = 42;\n    // END SOLUTION\n}\n");
        LeakingReleaseException refused = assertThrows(LeakingReleaseException.class, () -> handoutOf(files).entries());
        assertTrue(refused.getMessage().contains("student/src/main/java/batchnorm/Model.java contains 'BEGIN SOLUTION'"),
                refused.getMessage());
    }

    @Test
    void everyPathOfTheRealBundleIsAPlainRelativePath() throws IOException {
        List<String> problems = new ArrayList<>();
        for (ArchiveEntry entry : BundledFiles.ofRunningGrader().under("handout")) {
            if (entry.path().startsWith("grader/") || entry.path().startsWith("solution/")) {
                problems.add(entry.path());
            }
        }
        assertEquals(List.of(), problems, "the build must bundle neither the grader nor the solution into the handout");
        assertTrue(new String(Files.readAllBytes(Kit.root().resolve("handout/README.md")), StandardCharsets.UTF_8)
                .contains("./mvnw test"), "the student README says how to run the self-checks, with the wrapper");
    }

    @Test
    void theHandoutCarriesTheKitsMavenWrapperWithMvnwExecutable() throws IOException {
        Map<String, ArchiveEntry> byPath = new TreeMap<>();
        new StudentHandout(BundledFiles.ofRunningGrader()).entries().forEach(entry -> byPath.put(entry.path(), entry));
        for (String file : List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties")) {
            assertEquals(Files.readString(Kit.root().resolve(file)), byPath.get(file).text(), file + " is the kit's own");
        }
        String handoutAttributes = Files.readString(Kit.root().resolve("handout/gitattributes"));
        assertEquals(handoutAttributes, byPath.get(".gitattributes").text(), ".gitattributes is handout/gitattributes");
        // The kit's own .gitattributes has more (its test corpus), but the wrapper's line endings must be the same.
        List<String> kitAttributes = Files.readAllLines(Kit.root().resolve(".gitattributes"));
        handoutAttributes.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(rule ->
                assertTrue(kitAttributes.contains(rule), "the kit's .gitattributes also says: " + rule));
        assertTrue(byPath.get("mvnw").executable(), "./mvnw must run once unzipped");
        assertTrue(byPath.get(".mvn/wrapper/maven-wrapper.properties").text()
                .contains("distributionUrl=https://repo.maven.apache.org/maven2/"), "Maven comes from Maven Central");
    }
}
