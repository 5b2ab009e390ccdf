package grader.cli;

import grader.command.ExitCode;
import grader.common.GraderConfig;
import grader.selfcheck.SelfCheck;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selfcheck}: the solution gets full marks, the stub 0, and every mutant loses exactly its tests. */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = {"Grades the bundled solution (must get full marks), the student stub (must get 0) and every"
                + " mutant of grader/mutants.json (must lose exactly the tests it lists). Exit code 0 when all hold,"
                + " 1 otherwise."})
final class SelfCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: the number of cores).")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean passed = new SelfCheck(GraderConfig.defaults(), Math.max(1, jobs)).run(out);
        out.flush();
        return passed ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }
}
