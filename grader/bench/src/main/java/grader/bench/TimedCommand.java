package grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command and measures its wall time and its core-seconds: the processor time of the command and of
 * every process it started and waited for (the grader's child JVMs), as bash's {@code times} reports it.
 */
final class TimedCommand {
    /** {@code times} prints the shell's own times, then its children's: {@code 0m1.234s 0m0.056s}. */
    private static final Pattern CHILDREN_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

    /** @param coreSeconds user plus system time of the command and its descendants */
    record Measured(double wallSeconds, double coreSeconds) {}

    private TimedCommand() {}

    /** Runs {@code command} (its stdout discarded, its stderr shown) and fails unless it exits with 0. */
    static Measured run(List<String> command) throws IOException, InterruptedException {
        List<String> viaBash = new ArrayList<>(List.of("bash", "-c", "\"$@\" > /dev/null; status=$?; times; exit $status",
                "bash"));
        viaBash.addAll(command);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(viaBash).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("failed (exit " + (process.isAlive() ? "none, still running" : process.exitValue())
                    + "): " + String.join(" ", command));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Matcher children = CHILDREN_TIMES.matcher(times.strip());
        if (!children.find()) {
            throw new IOException("cannot read bash's times output: " + times);
        }
        double core = Integer.parseInt(children.group(1)) * 60 + Double.parseDouble(children.group(2))
                + Integer.parseInt(children.group(3)) * 60 + Double.parseDouble(children.group(4));
        return new Measured(wall, core);
    }
}
