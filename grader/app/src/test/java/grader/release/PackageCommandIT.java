package grader.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar grader.jar package ...} as an instructor runs it, from a folder outside the
 * repository: the jar alone must build each release, byte for byte the same as the packaging API.
 */
class PackageCommandIT {
    @TempDir
    static Path elsewhere;
    static Path jar;
    static String java;

    @BeforeAll
    static void requireThePackageCommandInTheJar() throws Exception {
        jar = GraderJarUnderTest.requireGradingJar();
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Outcome help = Processes.run(elsewhere, Map.of(), 60, List.of(java, "-jar", jar.toString(), "package", "--help"));
        Kit.skipUnless(help.exitCode() == 0, "the jar's CLI does not register grader.release.PackageCommand yet:\n" + help.output());
    }

    @Test
    void eachReleaseBuiltByTheJarEqualsTheOneBuiltInProcess() throws Exception {
        BundledFiles bundled = BundledFiles.ofRunningGrader();
        for (ReleaseKind kind : ReleaseKind.values()) {
            Processes.Outcome run = Processes.run(elsewhere, Map.of(), 120,
                    List.of(java, "-jar", jar.toString(), "package", kind.commandName()));
            assertEquals(0, run.exitCode(), run.output());
            byte[] expected = DeterministicZip.bytes(kind.release(bundled, () -> jar).entries());
            assertArrayEquals(expected, Files.readAllBytes(elsewhere.resolve(kind.defaultFileName())),
                    kind.commandName() + ": the jar's release differs from the build's");
        }
    }
}
