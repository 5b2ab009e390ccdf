package grader.cli;

import grader.command.ExitCode;
import grader.common.GraderConfig;
import grader.common.AtomicFile;
import grader.common.ReferenceTimes;
import grader.selfcheck.ReferenceTimer;
import grader.selfcheck.SelfCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--measure-times", paramLabel = "FILE",
            description = "Instead of checking: grade the solution --runs times, one at a time, then --runs times with"
                    + " each test first in its own fresh JVM, and write each hidden test's slowest time to FILE, the"
                    + " reference times the time limits follow from.")
    private Path measureTimes;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Grades of each kind that --measure-times takes the slowest of (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (measureTimes != null) {
            if (runs < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs takes a whole number, at least 1");
            }
            ReferenceTimer timer = new ReferenceTimer(GraderConfig.defaults(), runs);
            ReferenceTimes times = timer.measure(out);
            AtomicFile.write(measureTimes, times.format(timer.comments()));
            out.println("Reference times of " + times.byTest().size() + " tests written to " + measureTimes);
            out.flush();
            return ExitCode.OK;
        }
        boolean passed = new SelfCheck(GraderConfig.defaults(), Math.max(1, jobs)).run(out);
        out.flush();
        return passed ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }
}
