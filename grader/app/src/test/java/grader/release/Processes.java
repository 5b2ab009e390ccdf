package grader.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command for the slow release checks and keeps its exit code and output. */
final class Processes {
    private Processes() {
    }

    /** How a command ended: its exit code and its stdout and stderr together. */
    record Outcome(int exitCode, String output) {
    }

    static Outcome run(Path folder, Map<String, String> environment, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("release-check", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
            }
            return new Outcome(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** True when {@code program} is on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    /** True when the tests run as root, where the platform scripts switch to an unprivileged user. */
    static boolean runningAsRoot() throws IOException, InterruptedException {
        Outcome id = run(Path.of("."), Map.of(), 10, List.of("id", "-u"));
        return id.output().strip().equals("0");
    }
}
