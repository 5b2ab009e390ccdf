package grader.release;

import grader.command.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code package student|gradescope|prairielearn [--out FILE]}: builds one release archive from the
 * files bundled in the grader jar, so it works on any machine with Java 17.
 */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a release archive from the files bundled in this jar.",
            "  student       kit-student.zip: the Maven project students work in",
            "  gradescope    autograder.zip: upload it as a Gradescope autograder",
            "  prairielearn  prairielearn-question.zip: an example question for a PrairieLearn course"
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the archive was written", "1:an internal error", "2:bad usage, or the release was refused (files missing from the jar, or solution code in the handout)"})
public final class PackageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RELEASE", converter = ReleaseKind.Converter.class,
            completionCandidates = ReleaseKind.Names.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    ReleaseKind kind;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the zip (default: kit-student.zip, autograder.zip or prairielearn-question.zip).")
    Path out;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The grader jar to ship in the gradescope and prairielearn releases (default: the jar running this command).")
    Path graderJar;

    @Override
    public Integer call() throws IOException {
        Path target = out != null ? out : Path.of(kind.defaultFileName());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<ArchiveEntry> entries;
        try {
            entries = kind.release(BundledFiles.ofRunningGrader(), this::graderJarToShip).entries();
        } catch (IncompleteReleaseException | LeakingReleaseException e) {
            stderr.println(e.getMessage());
            return ExitCode.UNUSABLE;
        }
        DeterministicZip.write(entries, target);
        stdout.printf("Wrote %s (%d files, %d KiB).%n%s%n",
                target, entries.size(), Files.size(target) / 1024, kind.nextStep());
        return ExitCode.OK;
    }

    private Path graderJarToShip() {
        if (graderJar != null) {
            if (!Files.isRegularFile(graderJar)) {
                throw new ParameterException(spec.commandLine(), "--jar " + graderJar + ": no such file");
            }
            return graderJar;
        }
        return GraderJar.running().orElseThrow(() -> new ParameterException(spec.commandLine(),
                "the grader runs from a class folder, not a jar: give the jar to ship with --jar grader/target/grader.jar"));
    }
}
