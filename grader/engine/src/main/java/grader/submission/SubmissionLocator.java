package grader.submission;

import grader.common.SkippedFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the student's {@code Model.java} in a submission folder, wherever it is: a whole copy of the kit,
 * a {@code student/} folder, or the bare source files. Refuses a submission whose sources bring classes
 * of {@code autodiff}, the grader or JUnit.
 */
public final class SubmissionLocator {
    public static final String MODEL_FILE = "Model.java";
    private static final int MAX_FILES = 20_000;
    private static final long MAX_SOURCE_BYTES = 1L << 20;
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final List<String> FOREIGN_PACKAGES = List.of("autodiff", "grader", "org.junit", "org.opentest4j");

    private SubmissionLocator() {}

    /** The one Model.java of the submission. */
    public static Path findModel(Path submission) throws SubmissionProblem, IOException {
        if (Files.isRegularFile(submission, LinkOption.NOFOLLOW_LINKS)) {
            if (!submission.getFileName().toString().equalsIgnoreCase(MODEL_FILE)) {
                throw new SubmissionProblem("Submit a folder, a .zip or Model.java; got " + submission.getFileName() + ".");
            }
            return checked(submission);
        }
        List<Path> candidates = modelFiles(submission);
        if (candidates.isEmpty()) {
            throw new SubmissionProblem("No " + MODEL_FILE + " found in the submission. Submit your project folder, "
                    + "your student/ folder, or student/src/main/java/batchnorm/Model.java itself.");
        }
        List<Path> preferred = candidates.size() == 1 ? candidates
                : candidates.stream().filter(path -> contains(submission.relativize(path), "student")).toList();
        if (preferred.size() != 1) {
            throw new SubmissionProblem("Found " + candidates.size() + " files named " + MODEL_FILE + " ("
                    + String.join(", ", candidates.stream().map(p -> submission.relativize(p).toString()).toList())
                    + "); submit only the one you edited.");
        }
        return checked(preferred.get(0));
    }

    /** Reads the student's source as an IDE would ({@link SourceText}), refusing huge files. */
    public static SourceText readSource(Path file) throws SubmissionProblem, IOException {
        if (Files.size(file) > MAX_SOURCE_BYTES) {
            throw new SubmissionProblem(file.getFileName() + " is larger than 1 MiB; is it really a source file?");
        }
        return SourceText.decode(file.getFileName().toString(), Files.readAllBytes(file));
    }

    private static List<Path> modelFiles(Path root) throws IOException, SubmissionProblem {
        List<Path> files = SkippedFolders.filesBelow(root, MAX_FILES);
        if (files.size() > MAX_FILES) {
            throw new SubmissionProblem("The submission has more than " + MAX_FILES + " files; submit only your sources.");
        }
        List<Path> exact = files.stream().filter(file -> file.getFileName().toString().equals(MODEL_FILE)).toList();
        // Windows and macOS ignore case, so an editor there may save model.java without anyone noticing.
        return !exact.isEmpty() ? exact
                : files.stream().filter(file -> file.getFileName().toString().equalsIgnoreCase(MODEL_FILE)).toList();
    }

    /** The Model.java itself must be a plain file, and its folder must not bring foreign classes. */
    private static Path checked(Path model) throws SubmissionProblem, IOException {
        if (Files.isSymbolicLink(model) || !Files.isRegularFile(model, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionProblem(MODEL_FILE + " is a link, not a file; submit the file itself.");
        }
        // A bare "Model.java" (graded from its own folder) has no parent until made absolute.
        try (Stream<Path> siblings = Files.list(model.toAbsolutePath().getParent())) {
            for (Path sibling : siblings.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String packageName = packageOf(sibling);
                if (FOREIGN_PACKAGES.stream().anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."))) {
                    throw new SubmissionProblem(sibling.getFileName() + " declares package " + packageName
                            + ": a submission may not bring classes of autodiff, the grader or JUnit. "
                            + "Submit only your batchnorm sources.");
                }
            }
        }
        return model;
    }

    private static String packageOf(Path javaFile) throws IOException {
        if (!Files.isRegularFile(javaFile) || Files.size(javaFile) > MAX_SOURCE_BYTES) {
            return "";
        }
        // Decoded like Model.java, so that a byte-order mark cannot hide the package line.
        Matcher matcher = PACKAGE.matcher(SourceText.decode(javaFile.getFileName().toString(),
                Files.readAllBytes(javaFile)).text());
        return matcher.find() ? matcher.group(1) : "";
    }

    private static boolean contains(Path relative, String folderName) {
        for (Path part : relative) {
            if (part.toString().equals(folderName)) {
                return true;
            }
        }
        return false;
    }
}
