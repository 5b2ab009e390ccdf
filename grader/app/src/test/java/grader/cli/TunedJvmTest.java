package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.command.ExitCode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar grader.jar} runs the command in a second JVM with the grader's own options, transparently. */
class TunedJvmTest {
    @TempDir
    Path folder;

    @Test
    void theTunedJvmGetsTheGradersOptionsThenTheUsersThenTheSameCommand() {
        List<String> archive = List.of("-XX:SharedArchiveFile=grader.jsa");
        List<String> command = TunedJvm.command(new String[] {"grade", "Model.java", "--out", "r.json"}, archive);
        List<String> userOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertEquals(TunedJvm.OPTIONS, command.subList(1, 1 + TunedJvm.OPTIONS.size()));
        // The user's options come later, so that one of theirs (another collector, C2) wins over the grader's.
        // The archive's options last, where no option of the user's can turn class-data sharing off after them.
        int userEnd = 1 + TunedJvm.OPTIONS.size() + userOptions.size();
        assertEquals(userOptions, command.subList(1 + TunedJvm.OPTIONS.size(), userEnd));
        assertEquals(archive, command.subList(userEnd, userEnd + archive.size()));
        String absoluteClasspath = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
        assertEquals(List.of("-D" + TunedJvm.TUNED_PROPERTY + "=true", "-cp", absoluteClasspath,
                GraderCli.class.getName(), "grade", "Model.java", "--out", "r.json"),
                command.subList(command.size() - 8, command.size()));
    }

    @Test
    void theExitCodeAndTheOutputComeThroughTheSecondJvm() throws Exception {
        Run tuned = grader("grade", folder.resolve("nothing-here").toString());
        Run untuned = grader("-D" + TunedJvm.TUNED_PROPERTY + "=false", "grade", folder.resolve("nothing-here").toString());

        assertEquals(ExitCode.UNUSABLE, tuned.exitCode(), tuned.output());
        assertEquals(untuned.exitCode(), tuned.exitCode());
        assertTrue(tuned.output().contains("does not exist"), tuned.output());
        assertEquals(untuned.output(), tuned.output());
    }

    private record Run(int exitCode, String output) {}

    /** @param arguments JVM options (starting with -D) first, then the grader's arguments */
    private Run grader(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> graderArguments = new ArrayList<>();
        for (String argument : arguments) {
            (argument.startsWith("-D") ? command : graderArguments).add(argument);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GraderCli.class.getName()));
        command.addAll(graderArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the grader should end: " + output);
        return new Run(process.exitValue(), output);
    }
}
