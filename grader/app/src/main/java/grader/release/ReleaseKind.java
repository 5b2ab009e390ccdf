package grader.release;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The releases {@code package} can build, by the name used on the command line. */
public enum ReleaseKind {
    STUDENT("kit-student.zip", "Unpack it and run `./mvnw test` in it; give it to students or make it a GitHub Classroom template."),
    GRADESCOPE("autograder.zip", "Upload it in Gradescope: Configure Autograder > Zip file upload."),
    PRAIRIELEARN("prairielearn-question.zip",
            "Unpack it at the root of your PrairieLearn course repository: it adds questions/batchnorm and serverFilesCourse/batchnorm_grader.");

    private final String defaultFileName;
    private final String nextStep;

    ReleaseKind(String defaultFileName, String nextStep) {
        this.defaultFileName = defaultFileName;
        this.nextStep = nextStep;
    }

    /** The name on the command line: {@code student}, {@code gradescope}, {@code prairielearn}. */
    public String commandName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where {@code package} writes the archive when no {@code --out} is given. */
    public String defaultFileName() {
        return defaultFileName;
    }

    /** What the instructor does with the archive once it is written. */
    public String nextStep() {
        return nextStep;
    }

    /** The release of this kind; only the platform releases ask for the grader jar. */
    public Release release(BundledFiles bundled, Supplier<Path> graderJar) {
        return switch (this) {
            case STUDENT -> new StudentHandout(bundled);
            case GRADESCOPE -> new GradescopeAutograder(bundled, graderJar.get());
            case PRAIRIELEARN -> new PrairieLearnQuestion(bundled, graderJar.get());
        };
    }

    /** Reads {@code student}, {@code gradescope} or {@code prairielearn} on the command line. */
    static final class Converter implements CommandLine.ITypeConverter<ReleaseKind> {
        @Override
        public ReleaseKind convert(String value) {
            return Arrays.stream(values())
                    .filter(kind -> kind.commandName().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "'" + value + "' is not a release: use student, gradescope or prairielearn"));
        }
    }

    /** The command-line names, for picocli's help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ReleaseKind::commandName).iterator();
        }
    }
}
