package grader.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout on a "fresh machine": unpacked kit-student.zip, built by Maven offline against the local
 * repository (so it needs no network here; a student's first build downloads the same artifacts).
 */
class StudentHandoutIT {
    private static final long MAVEN_TIMEOUT_SECONDS = 600;
    @TempDir
    static Path temp;
    static Path zip;

    @BeforeAll
    static void packageTheHandout() throws IOException {
        Kit.skipUnless(Kit.hasStudentModule(), Kit.NO_STUDENT_MODULE);
        Kit.skipUnless(Processes.onPath("mvn"), "mvn is not on the PATH: the handout cannot be built here");
        zip = temp.resolve("kit-student.zip");
        DeterministicZip.write(new StudentHandout(BundledFiles.ofRunningGrader()).entries(), zip);
    }

    private static Path unpacked(String name) throws IOException {
        Path folder = temp.resolve(name);
        Kit.extract(zip, folder);
        return folder;
    }

    private static Processes.Outcome maven(Path project, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-o", "-q"));
        command.addAll(List.of(goals));
        return Processes.run(project, Map.of(), MAVEN_TIMEOUT_SECONDS, command);
    }

    @Test
    void theMavenWrapperRunsInTheUnpackedHandout() throws Exception {
        Path project = unpacked("wrapper");
        String properties = Files.readString(project.resolve(".mvn/wrapper/maven-wrapper.properties"));
        String version = properties.replaceAll("(?s).*apache-maven/([0-9.]+)/.*", "$1");
        // the first run downloads Maven from Maven Central into ~/.m2/wrapper and checks its SHA-256
        Processes.Outcome run = Processes.run(project, Map.of(), MAVEN_TIMEOUT_SECONDS, List.of("./mvnw", "-v"));
        assertEquals(0, run.exitCode(), "./mvnw -v must work in the unpacked handout (it needs Maven Central the "
                + "first time):\n" + run.output());
        assertTrue(run.output().contains("Apache Maven " + version), "the wrapper runs the pinned Maven " + version + ":\n"
                + run.output());
    }

    @Test
    void theStubsCompileAndEverySelfCheckSaysItsExerciseIsNotImplementedYet() throws Exception {
        Processes.Outcome build = maven(unpacked("stubs"), "test");
        assertNotEquals(0, build.exitCode(), "the self-checks must fail on the stubs:\n" + build.output());
        assertFalse(build.output().contains("COMPILATION ERROR"), "the stubs must compile:\n" + build.output());
        for (int exercise = 2; exercise <= 4; exercise++) {
            assertTrue(build.output().contains("Exercise " + exercise + " is not implemented yet"),
                    "Exercise " + exercise + "'s self-checks must say it is not implemented yet:\n" + build.output());
        }
    }

    @Test
    void theReadmesCommandRunsTheSelfChecksOfOneExerciseOnly() throws Exception {
        Processes.Outcome build = maven(unpacked("one-exercise"), "test", "-Dgroups=exercise3");
        assertTrue(build.output().contains("Exercise 3 is not implemented yet"), "Exercise 3's checks must run:\n" + build.output());
        assertFalse(build.output().contains("Exercise 2 is not implemented yet") || build.output().contains("Exercise 4 is not implemented yet"),
                "only Exercise 3's checks may run:\n" + build.output());
    }

    @Test
    void withTheSolutionsModelEverySelfCheckPasses() throws Exception {
        Path project = unpacked("solved");
        Files.writeString(project.resolve("student/src/main/java/batchnorm/Model.java"), Submissions.solution());
        Processes.Outcome build = maven(project, "test");
        assertEquals(0, build.exitCode(), "the self-checks must pass with the solution:\n" + build.output());
    }
}
