package grader.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * autograder.zip in the layout Gradescope documents
 * (https://gradescope-autograders.readthedocs.io/en/latest/specs/): {@code setup.sh} and
 * {@code run_autograder} at the root of the zip, next to the grader jar and the shared
 * {@code grade_submission.sh}; Gradescope unpacks it into {@code /autograder/source}.
 */
public record GradescopeAutograder(BundledFiles bundled, Path graderJar) implements Release {
    static final String NAME = "Gradescope autograder";
    static final List<String> REQUIRED = List.of("setup.sh", "run_autograder", "grade_submission.sh", GRADER_JAR);

    @Override
    public List<ArchiveEntry> entries() throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>(bundled.under("platforms/gradescope"));
        entries.addAll(bundled.under("platforms/common"));
        entries.add(new ArchiveEntry(GRADER_JAR, Files.readAllBytes(graderJar)));
        IncompleteReleaseException.requireAll(NAME, entries, REQUIRED);
        return entries;
    }
}
