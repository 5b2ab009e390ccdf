package grader.cli;

import grader.batch.ChildStartup;
import grader.command.ChildIsolation;
import grader.command.ExitCode;
import grader.command.TestLimits;
import grader.common.AtomicFile;
import grader.json.ReportFormat;
import grader.pipeline.Grader;
import grader.common.GraderConfig;
import grader.report.GradeReport;
import grader.report.Verdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grade SUBMISSION}: grades one submission and prints a summary or writes the JSON. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades one submission: a folder (a copy of the kit, a student/ folder, or the .java files),"
                + " a .zip of one, or a Model.java.",
                "Without --out, prints a readable report. With --out, writes the report (default: Gradescope JSON)"
                        + " to that file atomically and prints the readable report."})
final class GradeCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SUBMISSION", description = "Folder, .zip or Model.java to grade.")
    private Path submission;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (never to stdout).")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "gradescope, prairielearn or text (default: gradescope with --out, text without).")
    private ReportFormat format;

    @CommandLine.Mixin
    private TestLimits limits;

    @CommandLine.Mixin
    private ChildIsolation isolation;

    @Option(names = "--jvms", paramLabel = "N", defaultValue = "1",
            description = "Test JVMs that share the tests (default: ${DEFAULT-VALUE}; 2 can help on idle cores).")
    private int testJvms;

    @Option(names = "--timing", description = "Add Gradescope's execution_time (the JSON then differs between runs).")
    private boolean timing;

    @Override
    public Integer call() throws Exception {
        if (testJvms < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jvms takes a whole number, at least 1");
        }
        if (out != null && (Files.isDirectory(out) || out.toAbsolutePath().getParent() == null
                || !Files.isDirectory(out.toAbsolutePath().getParent()))) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out must name a file in an existing folder: " + out);
        }
        GraderConfig config = limits.applyTo(GraderConfig.builder(), spec).testJvms(testJvms).build();
        // Kept between runs (and never deleted here): see ChildIsolation.cacheFolder.
        Path slimFolder = ChildIsolation.cacheFolder();
        java.util.Optional<GraderConfig> isolated = isolation.applyTo(config, slimFolder, spec, spec.commandLine().getErr());
        if (isolated.isEmpty()) {
            return ExitCode.UNUSABLE;
        }
        // The start-up archive an earlier grade-all made, if any; a child user cannot read the cache.
        return grade(isolation.hasChildUser() ? isolated.get()
                : ChildStartup.withExistingArchive(isolated.get(), slimFolder));
    }

    private int grade(GraderConfig config) throws Exception {
        GradeReport report;
        try (Grader grader = new Grader(config)) {
            report = grader.grade(submission);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print((format == null ? ReportFormat.TEXT : format).render(report, timing));
        } else {
            AtomicFile.write(out, (format == null ? ReportFormat.GRADESCOPE : format).render(report, timing));
            stdout.print(ReportFormat.TEXT.render(report, timing));
            stdout.println();
            stdout.println("Report written to " + out);
        }
        stdout.flush();
        return report.verdict() == Verdict.REFUSED ? ExitCode.UNUSABLE : ExitCode.OK;
    }
}
