package grader.cli;

import grader.batch.GradeAllCommand;
import grader.command.ExitCode;
import grader.common.Trace;
import grader.release.PackageCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar grader.jar}: grades submissions of the batch-norm exercise and checks itself. */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = GraderCli.Version.class,
        description = "Grades submissions of the batch-norm exercise with hidden JUnit tests.",
        subcommands = {GradeCommand.class, SelfCheckCommand.class, PackageCommand.class, GradeAllCommand.class},
        footer = {"", "Exit codes: 0 done (a submission graded, whatever the score), 2 bad usage or an unreadable"
                + " or refused submission, 1 internal error, 130 grade-all stopped by Ctrl-C."})
public final class GraderCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        OptionalInt tuned = TunedJvm.runTuned(args);
        if (tuned.isPresent()) {
            System.exit(tuned.getAsInt());
        }
        Trace.mark("main");
        int exitCode = commandLine().execute(args);
        Trace.mark("done");
        System.exit(exitCode);
    }

    /** The command line with the grader's exit codes; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return new CommandLine(new GraderCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    PrintWriter err = commandLine.getErr();
                    err.println("grader: internal error: " + e);
                    e.printStackTrace(err);
                    return ExitCode.INTERNAL_ERROR;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: grade, grade-all, selfcheck or package");
    }

    /** The version written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = GraderCli.class.getResourceAsStream("/grader/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"batchnorm-kit grader " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
