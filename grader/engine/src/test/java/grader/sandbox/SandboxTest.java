package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.common.GraderConfig;
import grader.common.SandboxMode;
import grader.fixture.Submissions;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox from inside: the grader's own probe runs as the hidden tests in a sandboxed test JVM and
 * each thing it tries is refused; and from outside: submissions grade exactly as without it. Needs a
 * working bubblewrap (CI installs it); the child-user cases need root (CI runs as root) to make a user.
 */
class SandboxTest {
    /** Everything the probe tries; the kernel does not limit root's processes, so not that as root. */
    private static final Set<String> ALL_CHECKS = Set.of("home", "checkout", "write", "network", "processes", "secret");

    @TempDir
    static Path scratch;
    private static Path slimJar;
    private static ThrowawayUser childUser;

    @BeforeAll
    static void prepare() throws Exception {
        // A child user must pass through the scratch folder (JUnit makes it private) to what it may read.
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
        Path slimFolder = Files.createDirectories(scratch.resolve("classpath"));
        Files.setPosixFilePermissions(slimFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        // grader.fixture holds both the stand-in hidden tests and the sandbox probe.
        slimJar = SlimClasspath.write(GraderConfig.thisClasspath(), "grader.fixture", slimFolder);
        if (ThrowawayUser.canCreate()) {
            childUser = ThrowawayUser.create();
        }
    }

    @AfterAll
    static void removeUser() throws Exception {
        if (childUser != null) {
            childUser.close();
        }
    }

    @Test
    void everyProbeIsRefusedInTheSandbox() throws Exception {
        assumeSandboxWorks(Optional.empty());
        Set<String> checks = new java.util.TreeSet<>(ALL_CHECKS);
        if (Sandbox.isRoot()) {
            checks.remove("processes");
        }
        GradeReport report = SandboxProbeTestRun.run(sandboxed(SandboxMode.REQUIRED), scratch, checks);
        SandboxProbeTestRun.assertRefused(checks, report);
        assertEquals("bubblewrap", report.isolation());
    }

    @Test
    void asAChildUserEveryProbeIsRefusedInTheSandbox() throws Exception {
        assumeTrue(childUser != null, "only root can make a throwaway user to run the test JVM as");
        assumeSandboxWorks(Optional.of(childUser.name));
        GradeReport report = SandboxProbeTestRun.run(sandboxed(SandboxMode.REQUIRED).childUser(Optional.of(childUser.name)),
                scratch, ALL_CHECKS);
        SandboxProbeTestRun.assertRefused(ALL_CHECKS, report);
        assertEquals("bubblewrap, as user " + childUser.name, report.isolation());
    }

    @Test
    void asAChildUserWithoutTheSandboxFilePermissionsAndLimitsStillHold() throws Exception {
        assumeTrue(childUser != null, "only root can make a throwaway user to run the test JVM as");
        // Outside the sandbox the checkout is world-readable and the network is there: only these hold.
        Set<String> checks = Set.of("home", "secret", "processes");
        GradeReport report = SandboxProbeTestRun.run(sandboxed(SandboxMode.OFF).childUser(Optional.of(childUser.name)),
                scratch, checks);
        SandboxProbeTestRun.assertRefused(checks, report);
    }

    @ParameterizedTest(name = "{0} grades the same in the sandbox")
    @ValueSource(strings = {"solution", "stub", "endless-loop", "stack-overflow", "out-of-memory", "stdout-flood",
            "fake-results", "compile-error"})
    void submissionsGradeExactlyAsWithoutTheSandbox(String submission) throws Exception {
        assumeSandboxWorks(Optional.empty());
        String source = switch (submission) {
            case "solution" -> Submissions.solution();
            case "stub" -> Submissions.stub();
            default -> Submissions.named(submission);
        };
        GradeReport unsandboxed;
        try (Grader grader = new Grader(Submissions.config(scratch).sandbox(SandboxMode.OFF).build())) {
            unsandboxed = grader.gradeSource(source);
        }
        GradeReport sandboxed;
        try (Grader grader = new Grader(sandboxed(SandboxMode.REQUIRED).build())) {
            sandboxed = grader.gradeSource(source);
        }
        assertEquals(unsandboxed.verdict(), sandboxed.verdict());
        assertEquals(unsandboxed.outcomes(), sandboxed.outcomes());
        assertEquals(unsandboxed.score(), sandboxed.score());
    }

    private static GraderConfig.Builder sandboxed(SandboxMode mode) {
        return Submissions.config(scratch).sandbox(mode).childClasspath(List.of(slimJar));
    }

    private static void assumeSandboxWorks(Optional<String> user) {
        Sandbox.Availability availability = Sandbox.probe(user);
        assumeTrue(availability.works(), () -> "bubblewrap does not work here: " + availability.reason());
    }
}
