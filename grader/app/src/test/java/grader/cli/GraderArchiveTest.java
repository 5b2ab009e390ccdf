package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's own class-data archive: only grade-all makes one, every command maps it, and only an archive that a
 * JVM maps takes its name (a truncated one would crash every later grade).
 */
class GraderArchiveTest {
    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC");

    @TempDir
    Path folder;
    private Path cache;
    private Path jar;

    @BeforeEach
    void anEmptyJarAndCache() throws Exception {
        cache = Files.createDirectories(folder.resolve("cache"));
        jar = folder.resolve("grader.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
    }

    @Test
    void aGradeMakesNoArchiveAndGradeAllWritesOneBesideItsFinalName() throws Exception {
        assertTrue(GraderArchive.in(cache, "grade", OPTIONS, List.of(jar)).isEmpty());

        GraderArchive making = GraderArchive.in(cache, "grade-all", OPTIONS, List.of(jar)).orElseThrow();
        String write = making.options().get(1);
        assertTrue(write.startsWith("-XX:ArchiveClassesAtExit=" + making.archive() + "."), write);
        assertTrue(write.endsWith(".partial"), write);
        assertEquals(GraderArchive.QUIET, making.options().get(0));
    }

    @Test
    void anArchiveThatAJvmMapsTakesItsNameAndEveryCommandMapsIt() throws Exception {
        GraderArchive making = GraderArchive.in(cache, "grade-all", OPTIONS, List.of(jar)).orElseThrow();
        Path partial = Path.of(making.options().get(1).substring("-XX:ArchiveClassesAtExit=".length()));
        // What the tuned JVM does: run, and write the classes it loaded as it exits.
        run("-XX:ArchiveClassesAtExit=" + partial, "-cp", jar.toString(), "com.sun.tools.javac.Main", "-version");
        assertTrue(Files.size(partial) > 0, "the JVM should have written " + partial);

        making.finish(0);

        assertTrue(Files.isRegularFile(making.archive()));
        assertFalse(Files.exists(partial));
        GraderArchive mapping = GraderArchive.in(cache, "grade", OPTIONS, List.of(jar)).orElseThrow();
        assertEquals(List.of(GraderArchive.QUIET, "-XX:SharedArchiveFile=" + making.archive()), mapping.options());
        // Another JVM option, another archive: class-data sharing would not map this one under it.
        assertTrue(GraderArchive.in(cache, "grade", List.of("-XX:+UseParallelGC"), List.of(jar)).isEmpty());
    }

    @Test
    void aTruncatedArchiveOrAFailedRunLeavesNothingBehind() throws Exception {
        GraderArchive truncated = GraderArchive.in(cache, "grade-all", OPTIONS, List.of(jar)).orElseThrow();
        Path partial = Path.of(truncated.options().get(1).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(partial, "half of an archive", StandardCharsets.UTF_8);

        truncated.finish(0);

        assertFalse(Files.exists(truncated.archive()), "a JVM that maps a truncated archive crashes");
        assertFalse(Files.exists(partial));

        GraderArchive failed = GraderArchive.in(cache, "grade-all", OPTIONS, List.of(jar)).orElseThrow();
        Path failedPartial = Path.of(failed.options().get(1).substring("-XX:ArchiveClassesAtExit=".length()));
        run("-XX:ArchiveClassesAtExit=" + failedPartial, "-cp", jar.toString(), "com.sun.tools.javac.Main", "-version");
        failed.finish(1);
        assertFalse(Files.exists(failed.archive()), "a run that failed keeps no archive");
        assertFalse(Files.exists(failedPartial));
    }

    @Test
    void aClassPathWithAFolderGetsNoArchive() throws Exception {
        assertTrue(GraderArchive.in(cache, "grade-all", OPTIONS, List.of(jar, folder)).isEmpty());
    }

    private static void run(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(OPTIONS);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }
}
