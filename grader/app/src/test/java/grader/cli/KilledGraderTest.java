package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixture.Submissions;
import grader.runner.ChildMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grader killed mid-run (Ctrl-C, a platform's timeout, kill -9 of the JVM that was started) takes the JVM it
 * runs in ({@link TunedJvm}) and its test JVM with it, and leaves no scratch.
 */
class KilledGraderTest {
    @TempDir
    Path folder;

    @Test
    void killingTheGraderEndsItsSpinningTestJvmAndRemovesItsScratch() throws Exception {
        Path temp = Files.createDirectories(folder.resolve("tmp"));
        Process grader = startGradingAnEndlessLoop(temp);
        try {
            List<ProcessHandle> started = waitForTestJvm(grader);
            Thread.sleep(2000); // let the test JVM reach the endless loop
            grader.destroy();
            assertTrue(grader.waitFor(20, TimeUnit.SECONDS), "the grader should end on SIGTERM");
            assertAllEnd(started);
            try (Stream<Path> left = Files.list(temp)) {
                // the slim class path's cache (ChildIsolation.cacheFolder) is kept on purpose; scratch is not
                assertEquals(List.of(), left.filter(path -> !path.getFileName().toString().startsWith("grader-cache-"))
                        .toList(), "the grader's scratch folder must be gone");
            }
        } finally {
            grader.descendants().forEach(ProcessHandle::destroyForcibly);
            grader.destroyForcibly();
        }
    }

    @Test
    void killingTheLaunchingJvmOutrightEndsTheTunedJvmAndItsTestJvm() throws Exception {
        Process grader = startGradingAnEndlessLoop(Files.createDirectories(folder.resolve("tmp")));
        try {
            List<ProcessHandle> started = waitForTestJvm(grader);
            assertTrue(started.stream().anyMatch(each -> commandLine(each).contains("-D" + TunedJvm.TUNED_PROPERTY + "=true")),
                    "the grader should run in a tuned JVM started by the first: " + started.stream()
                            .map(KilledGraderTest::commandLine).toList());
            grader.destroyForcibly(); // SIGKILL: the launcher can pass nothing on
            assertTrue(grader.waitFor(20, TimeUnit.SECONDS));
            assertAllEnd(started);
        } finally {
            grader.descendants().forEach(ProcessHandle::destroyForcibly);
            grader.destroyForcibly();
        }
    }

    private Process startGradingAnEndlessLoop(Path temp) throws Exception {
        Path submission = Files.createDirectories(folder.resolve("submission"));
        Files.writeString(submission.resolve("Model.java"), Submissions.solution().replace(
                "public Node forward(Matrix x, boolean train) {\n",
                "public Node forward(Matrix x, boolean train) {\n        while (x.rows() > 0) {\n            x = x.add(0.0);\n        }\n"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"), GraderCli.class.getName(),
                "grade", submission.toString(), "--test-timeout", "120").redirectErrorStream(true)
                .redirectOutput(folder.resolve("grader.log").toFile()).start();
    }

    /** Every process below the grader once a test JVM (its main class is the child's) runs among them. */
    private static List<ProcessHandle> waitForTestJvm(Process grader) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<ProcessHandle> below = grader.descendants().toList();
            if (below.stream().anyMatch(each -> commandLine(each).contains(ChildMain.class.getName()))) {
                return below;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the grader started no test JVM within 30 s");
    }

    private static void assertAllEnd(List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle process : processes) {
            process.onExit().get(20, TimeUnit.SECONDS);
            assertFalse(process.isAlive(), "no process the grader started may outlive it: " + commandLine(process));
        }
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
