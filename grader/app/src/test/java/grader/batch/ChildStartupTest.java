package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.common.ChildJvmFlags;
import grader.common.GraderConfig;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import grader.sandbox.SlimClasspath;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch's start-up archive: of the kind this JDK makes (an AOT cache from JDK 25 on, a class-data archive
 * before), made once, and mapped by the test JVMs that grade with it.
 */
class ChildStartupTest {
    @TempDir
    Path work;

    @Test
    void theArchiveIsThisJdksKindMadeOnceAndTheTestJvmsMapIt() throws Exception {
        Path jar = SlimClasspath.write(GraderConfig.thisClasspath(), GraderConfig.DEFAULT_HIDDEN_PACKAGE,
                work.resolve("classpath"));
        GraderConfig.Builder builder = GraderConfig.builder().workRoot(work).childClasspath(List.of(jar));
        if (Runtime.version().feature() < 25) {
            // JDK 17 says nothing when it cannot map a class-data archive; with -Xshare:on it refuses to start.
            builder.addChildJvmOption("-Xshare:on");
        }
        GraderConfig config = builder.build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        GraderConfig withArchive = ChildStartup.withClassDataArchive(config, work.resolve("state"),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        String option = Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        List<String> added = withArchive.childJvmOptions().stream().filter(o -> o.startsWith(option)).toList();
        assertEquals(1, added.size(), "one " + option + " option: " + withArchive.childJvmOptions() + "; log: " + log);
        Path archive = Path.of(added.get(0).substring(option.length()));
        assertTrue(Files.size(archive) > 0, "the archive " + archive + " is empty");

        long made = Files.getLastModifiedTime(archive).toMillis();
        ChildStartup.withClassDataArchive(config, work.resolve("state"), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(made, Files.getLastModifiedTime(archive).toMillis(), "a second batch made the archive again");
        assertEquals(withArchive.childJvmOptions(), ChildStartup.withExistingArchive(config, work.resolve("state"))
                .childJvmOptions(), "a single grade maps the archive a batch made");
        assertEquals(config.childJvmOptions(), ChildStartup.withExistingArchive(config, work.resolve("no-batch-yet"))
                .childJvmOptions(), "and never makes one itself");
        assertTrue(Files.notExists(work.resolve("no-batch-yet")), "nothing is written for a single grade");

        try (Grader grader = new Grader(withArchive)) {
            GradeReport report = grader.gradeSource(withArchive.kit().solutionModel());
            assertTrue(report.fullMarks(), "the solution with the archive: " + report.outcomes());
            // JDK 25 says so on the console ([error][aot]) when it cannot map its cache, and starts without it.
            String console = report.console().text();
            assertFalse(console.contains("[cds]") || console.contains("[aot]") || console.contains("[cds,")
                    || console.contains("[aot,"), "the test JVM did not map the archive: " + console);
        }
    }

    @Test
    void aJvmThatMustMapTheArchiveStartsWithItAndRefusesOneCutShort() throws Exception {
        Path jar = SlimClasspath.write(GraderConfig.thisClasspath(), GraderConfig.DEFAULT_HIDDEN_PACKAGE,
                work.resolve("classpath"));
        GraderConfig config = GraderConfig.builder().workRoot(work).childClasspath(List.of(jar)).build();
        GraderConfig withArchive = ChildStartup.withClassDataArchive(config, work.resolve("state"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String option = ChildStartup.Kind.OF_THIS_JDK.useOption;
        Path archive = withArchive.childJvmOptions().stream().filter(o -> o.startsWith(option))
                .map(o -> Path.of(o.substring(option.length()))).findFirst().orElseThrow();
        List<String> flags = ChildJvmFlags.of(config);
        assertTrue(ArchiveCheck.maps(flags, ChildStartup.Kind.OF_THIS_JDK.mustMap(archive), config.childClasspath()),
                "the archive the batch made and took");

        // What a training JVM killed at its limit, or a full disk, leaves: the first half.
        Path cutShort = work.resolve("cut-short" + ChildStartup.Kind.OF_THIS_JDK.extension);
        try (InputStream whole = Files.newInputStream(archive)) {
            Files.write(cutShort, whole.readNBytes((int) (Files.size(archive) / 2)));
        }
        assertFalse(ArchiveCheck.maps(flags, ChildStartup.Kind.OF_THIS_JDK.mustMap(cutShort), config.childClasspath()),
                "half an archive (JDK 17 crashes mapping it)");
    }
}
