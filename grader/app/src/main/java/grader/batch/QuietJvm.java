package grader.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of this JDK run to its end for what it leaves behind (an archive) or its exit code alone: no input, its
 * output thrown away, killed at a limit. What the batch's start-up archive is made ({@link ChildStartup}) and
 * checked ({@link ArchiveCheck}) with.
 */
final class QuietJvm {
    private QuietJvm() {}

    /**
     * Runs {@code java OPTIONS -cp CLASSPATH MAIN}, where {@code main} may also be a flag such as {@code -version}.
     *
     * @return its exit code, or empty when it was killed after {@code limitSeconds}
     */
    static OptionalInt run(List<String> options, List<Path> classpath, String main, long limitSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(main);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return OptionalInt.empty();
        }
        return OptionalInt.of(process.exitValue());
    }
}
