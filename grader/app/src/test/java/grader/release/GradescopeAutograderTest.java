package grader.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeAutograderTest {
    /** Commands that would fetch something besides the distribution's packages. */
    private static final Pattern OTHER_DOWNLOADS = Pattern.compile("\\b(curl|wget|pip3?|git|mvn|npm|sdk|snap)\\b");

    private static Map<String, ArchiveEntry> autograder(Path fakeJar) throws IOException {
        Map<String, ArchiveEntry> byPath = new TreeMap<>();
        new GradescopeAutograder(BundledFiles.ofRunningGrader(), fakeJar).entries().forEach(entry -> byPath.put(entry.path(), entry));
        return byPath;
    }

    @Test
    void theZipHasGradescopesFilesAtItsRootNextToTheJar(@TempDir Path temp) throws IOException {
        Path fakeJar = Files.write(temp.resolve("grader.jar"), new byte[] {'P', 'K', 3, 4, 42});
        Map<String, ArchiveEntry> files = autograder(fakeJar);

        assertTrue(files.keySet().containsAll(List.of("setup.sh", "run_autograder", "grade_submission.sh", "grader.jar")), files.keySet().toString());
        assertArrayEquals(Files.readAllBytes(fakeJar), files.get("grader.jar").content(), "the jar is shipped as it is");
        Path zip = temp.resolve("autograder.zip");
        DeterministicZip.write(files.values(), zip);
        for (String script : List.of("setup.sh", "run_autograder", "grade_submission.sh")) {
            assertTrue(Kit.permissions(zip, script).contains(PosixFilePermission.OTHERS_EXECUTE), script + " must be executable");
        }
    }

    @Test
    void setupInstallsAJava17JdkWithAptAndNothingElseFromTheNetwork(@TempDir Path temp) throws IOException {
        String setup = autograder(Files.write(temp.resolve("grader.jar"), new byte[1])).get("setup.sh").text();
        String commands = setup.lines().filter(line -> !line.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertTrue(commands.contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless"),
                "a JDK, since the grader compiles submissions with javax.tools");
        assertFalse(OTHER_DOWNLOADS.matcher(commands).find(), "setup.sh may only use apt: " + commands);
    }

    @Test
    void runAutograderGradesTheSubmissionFolderIntoResultsJsonUnderTheConfigurableRoot(@TempDir Path temp) throws IOException {
        String run = autograder(Files.write(temp.resolve("grader.jar"), new byte[1])).get("run_autograder").text();
        assertTrue(run.startsWith("#!/usr/bin/env bash\n"), "Gradescope needs a #! line");
        assertTrue(run.contains("root=${AUTOGRADER_ROOT:-/autograder}"), "the root defaults to /autograder");
        assertTrue(run.contains("\"$root/submission\" gradescope"), "grades the submission folder in Gradescope's format");
        assertTrue(run.contains("\"$root/results/results.json\""), "writes results/results.json");
    }
}
