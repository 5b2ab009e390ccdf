package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.common.GraderConfig;
import grader.fixture.Submissions;
import grader.pipeline.Grader;
import grader.report.GradeReport;
import grader.report.TestOutcome;
import grader.report.TestStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Grades a submission with {@code grader.fixture.sandbox.SandboxProbeTest} as the hidden tests, aimed at
 * this machine's real targets: the grading user's home, the kit checkout, a folder outside the child's, a
 * listening loopback port and a file only the grading user may read.
 */
final class SandboxProbeTestRun {
    static final String PROBES = "grader.fixture.sandbox";
    /** The probe test for each check, by the name {@code probe.checks} gives it. */
    static final Map<String, String> TESTS = Map.of(
            "home", "SandboxProbeTest#readingTheGradingUsersHomeIsRefused",
            "checkout", "SandboxProbeTest#listingTheKitCheckoutIsRefused",
            "write", "SandboxProbeTest#writingOutsideTheWorkingFolderIsRefused",
            "network", "SandboxProbeTest#openingATcpConnectionIsRefused",
            "processes", "SandboxProbeTest#startingManyProcessesIsRefused",
            "secret", "SandboxProbeTest#readingTheGradersPrivateFilesIsRefused");

    private SandboxProbeTestRun() {}

    /**
     * Runs the probe with {@code checks}; fails if anything reached the outside folder or the loopback port.
     */
    static GradeReport run(GraderConfig.Builder config, Path scratch, Set<String> checks)
            throws IOException, InterruptedException {
        Path outside = Files.createDirectories(scratch.resolve("outside"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path secretFolder = Files.createTempDirectory(scratch, "secret-");
        Path secret = Files.writeString(secretFolder.resolve("secret.txt"), "only the grading user reads this");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path home = Path.of(System.getProperty("user.home"));
        String homeEntry;
        try (Stream<Path> entries = Files.list(home)) {
            homeEntry = entries.map(path -> path.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GraderConfig probing = config.hiddenPackage(PROBES).timeouts(Duration.ofSeconds(20), Duration.ofSeconds(120))
                    .addChildJvmOption("-Dprobe.checks=" + String.join(",", checks))
                    .addChildJvmOption("-Dprobe.home=" + home)
                    .addChildJvmOption("-Dprobe.homeEntry=" + homeEntry)
                    .addChildJvmOption("-Dprobe.checkout=" + Submissions.KIT_ROOT)
                    .addChildJvmOption("-Dprobe.outside=" + outside)
                    .addChildJvmOption("-Dprobe.port=" + server.getLocalPort())
                    .addChildJvmOption("-Dprobe.secret=" + secret)
                    .build();
            GradeReport report;
            try (Grader grader = new Grader(probing)) {
                report = grader.gradeSource(Submissions.modelRunning(""));
            }
            server.setSoTimeout(100);
            try {
                server.accept().close();
                throw new AssertionError("the probe reached the loopback port " + server.getLocalPort());
            } catch (SocketTimeoutException nobodyCame) {
                // as it should be
            }
            try (Stream<Path> written = Files.list(outside)) {
                assertEquals(List.of(), written.toList(), "files the probe wrote outside its folder");
            }
            return report;
        }
    }

    /**
     * Each check in {@code checks} passed (what it tried was refused); the others were skipped by their
     * assumption, which JUnit reports as aborted and the grader as failed.
     */
    static void assertRefused(Set<String> checks, GradeReport report) {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        TESTS.forEach((check, test) -> expected.put(test, checks.contains(check) ? "PASSED" : "skipped"));
        for (TestOutcome outcome : report.outcomes()) {
            boolean skipped = outcome.status() == TestStatus.FAILED
                    && outcome.message().contains("Assumption failed: not a check for this configuration");
            actual.put(outcome.test().id(), skipped ? "skipped"
                    : (outcome.status() + " " + outcome.message()).strip());
        }
        assertEquals(expected, actual, "the probe's outcomes, with what it managed to do");
    }
}
