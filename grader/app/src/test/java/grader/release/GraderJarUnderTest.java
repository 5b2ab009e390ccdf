package grader.release;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The packaged grader jar the platform checks ship, or a clear skip when it cannot grade yet. */
final class GraderJarUnderTest {
    private GraderJarUnderTest() {
    }

    /** target/grader.jar (set by the integration-test execution), skipping when it has no working grade command. */
    static Path requireGradingJar() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("grader.jar", "target/grader.jar")).toAbsolutePath();
        Kit.skipUnless(Files.isRegularFile(jar), jar + " does not exist: the grader module's package phase (maven-shade-plugin) builds it");
        Kit.skipUnless(Kit.hasStudentModule(), Kit.NO_STUDENT_MODULE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Outcome help = Processes.run(jar.getParent(), Map.of(), 60, List.of(java, "-jar", jar.toString(), "grade", "--help"));
        Kit.skipUnless(help.exitCode() == 0, "the jar has no working `grade` command (grader.cli), so the "
                + "platform scripts cannot be run end to end:\n" + help.output());
        return jar;
    }

    /** The release of {@code kind} with the grading jar in it, written to {@code zip}; skips as above. */
    static Path packaged(ReleaseKind kind, Path zip) throws IOException, InterruptedException {
        Path jar = requireGradingJar();
        DeterministicZip.write(kind.release(BundledFiles.ofRunningGrader(), () -> jar).entries(), zip);
        return zip;
    }
}
