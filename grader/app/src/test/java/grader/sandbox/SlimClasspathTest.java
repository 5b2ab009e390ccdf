package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.common.GraderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slim class path, made from the application's full one (which holds the reference solution's
 * classes, the bundled kit sources, the mutants and the release bundle): only what a test JVM runs.
 */
class SlimClasspathTest {
    @TempDir
    Path folder;

    @Test
    void holdsTheHiddenTestsAndTheirRuntimeButNoSolutionKitSourcesOrMutants() throws Exception {
        Path jar = SlimClasspath.write(GraderConfig.thisClasspath(), GraderConfig.DEFAULT_HIDDEN_PACKAGE, folder);
        List<String> names;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            names = zip.stream().map(ZipEntry::getName).toList();
        }
        for (String needed : List.of("grader/runner/ChildMain.class", "grader/hidden/Ex2BatchNormTest.class",
                "grader/fixtures/batchnorm_reference.json", "autodiff/Matrix.class",
                "org/junit/jupiter/engine/JupiterTestEngine.class", "com/google/gson/Gson.class")) {
            assertTrue(names.contains(needed), needed + " is missing from " + jar);
        }
        assertEquals(List.of(), names.stream().filter(name -> name.startsWith("grader/kit/")
                || name.startsWith("grader/mutants") || name.startsWith("batchnorm/")
                || name.startsWith("grader/release-bundle/") || name.startsWith("grader/pipeline/")
                || name.startsWith("grader/compile/") || name.startsWith("picocli/") || name.startsWith("META-INF/"))
                .toList(), "entries a test JVM must not see");
    }

    @Test
    void theSameClassPathGivesTheSameFileWrittenOnce() throws Exception {
        Path first = SlimClasspath.write(GraderConfig.thisClasspath(), GraderConfig.DEFAULT_HIDDEN_PACKAGE, folder);
        long written = Files.getLastModifiedTime(first).toMillis();
        Path second = SlimClasspath.write(GraderConfig.thisClasspath(), GraderConfig.DEFAULT_HIDDEN_PACKAGE, folder);
        assertEquals(first, second);
        assertEquals(written, Files.getLastModifiedTime(second).toMillis(), "the jar was written again");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
    }
}
