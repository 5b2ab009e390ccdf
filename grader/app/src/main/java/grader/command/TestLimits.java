package grader.command;

import grader.common.GraderConfig;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The limits of the JVMs that run a submission's tests: one set of options for grade and grade-all. */
public final class TestLimits {
    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "256m",
            description = "Heap of each JVM that runs a submission's tests (default: ${DEFAULT-VALUE}).")
    private String memory;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Time one test may take (default: ${DEFAULT-VALUE}).")
    private int testTimeoutSeconds;

    @Option(names = "--total-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time all tests of one submission may take together, compilation not counted"
                    + " (default: ${DEFAULT-VALUE}).")
    private int totalTimeoutSeconds;

    /** {@code config} with these limits; a malformed value is a usage error of {@code spec}'s command. */
    public GraderConfig.Builder applyTo(GraderConfig.Builder config, CommandSpec spec) {
        try {
            return config.heap(memory)
                    .timeouts(Duration.ofSeconds(testTimeoutSeconds), Duration.ofSeconds(totalTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--memory takes a size like 256m; the timeouts take a whole number of seconds, at least 1");
        }
    }
}
