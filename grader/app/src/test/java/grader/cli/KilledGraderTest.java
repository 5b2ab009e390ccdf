package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixture.Submissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grader killed mid-run (Ctrl-C, a platform's timeout) takes its test JVM with it and leaves no scratch. */
class KilledGraderTest {
    @TempDir
    Path folder;

    @Test
    void killingTheGraderEndsItsSpinningTestJvmAndRemovesItsScratch() throws Exception {
        Path submission = Files.createDirectories(folder.resolve("submission"));
        Files.writeString(submission.resolve("Model.java"), Submissions.solution().replace(
                "public Node forward(Matrix x, boolean train) {\n",
                "public Node forward(Matrix x, boolean train) {\n        while (x.rows() > 0) {\n            x = x.add(0.0);\n        }\n"));
        Path temp = Files.createDirectories(folder.resolve("tmp"));
        Process grader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"), GraderCli.class.getName(),
                "grade", submission.toString(), "--test-timeout", "120").redirectErrorStream(true)
                .redirectOutput(folder.resolve("grader.log").toFile()).start();
        try {
            List<ProcessHandle> testJvms = waitForTestJvm(grader);
            Thread.sleep(2000); // let the test JVM reach the endless loop
            grader.destroy();
            assertTrue(grader.waitFor(20, TimeUnit.SECONDS), "the grader should end on SIGTERM");
            for (ProcessHandle testJvm : testJvms) {
                testJvm.onExit().get(20, TimeUnit.SECONDS);
                assertFalse(testJvm.isAlive(), "the test JVM must not outlive the grader");
            }
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

    private static List<ProcessHandle> waitForTestJvm(Process grader) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            List<ProcessHandle> children = grader.children().toList();
            if (!children.isEmpty()) {
                return children;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the grader started no test JVM within 30 s");
    }
}
