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

    @Option(names = "--test-timeout", paramLabel = "SECONDS",
            description = "Processor time every test may use (default: each test its own limit, 10 times what the"
                    + " reference solution needs for it and at least 0.5 s); code that waits instead is stopped once it"
                    + " has run that long, and at once when it waits with nothing left to wake it.")
    private Integer testTimeoutSeconds;

    @Option(names = "--total-timeout", paramLabel = "SECONDS",
            description = "Wall time all tests of one submission may take together, compilation not counted"
                    + " (default: the sum of the tests' limits, plus 1 s per test for restarting the JVM).")
    private Integer totalTimeoutSeconds;

    /** {@code config} with these limits; a malformed value is a usage error of {@code spec}'s command. */
    public GraderConfig.Builder applyTo(GraderConfig.Builder config, CommandSpec spec) {
        try {
            config.heap(memory);
            if (testTimeoutSeconds != null) {
                config.testTimeout(Duration.ofSeconds(testTimeoutSeconds));
            }
            if (totalTimeoutSeconds != null) {
                config.totalTimeout(Duration.ofSeconds(totalTimeoutSeconds));
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--memory takes a size like 256m; the timeouts take a whole number of seconds, at least 1");
        }
    }
}
