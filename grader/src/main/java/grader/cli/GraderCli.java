package grader.cli;

import grader.release.PackageCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar grader.jar}: grades submissions of the batch-norm exercise and checks itself. */
@Command(name = "grader", mixinStandardHelpOptions = true, versionProvider = GraderCli.Version.class,
        description = "Grades submissions of the batch-norm exercise with hidden JUnit tests.",
        subcommands = {GradeCommand.class, SelfcheckCommand.class, PackageCommand.class, grader.batch.GradeAllCommand.class},
        footer = {"", "Exit codes: 0 graded (whatever the score), 2 bad usage or unreadable submission, "
                + "1 internal error."})
public final class GraderCli implements Runnable {
    /** A submission was graded, whatever its score. */
    public static final int GRADED = 0;
    /** The grader itself failed. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad usage, or a submission that could not be read or was refused. */
    public static final int UNUSABLE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        grader.pipeline.Trace.mark("main");
        int exitCode = commandLine().execute(args);
        grader.pipeline.Trace.mark("done");
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
                    return INTERNAL_ERROR;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: grade or selfcheck");
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
