package grader.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A zip laid out like a PrairieLearn course (https://prairielearn.readthedocs.io/en/latest/externalGrading/):
 * the example question under {@code questions/batchnorm/} and the grader it runs under
 * {@code serverFilesCourse/batchnorm_grader/}, which PrairieLearn copies to
 * {@code /grade/serverFilesCourse/batchnorm_grader/} in the grading container.
 */
public record PrairieLearnQuestion(BundledFiles bundled, Path graderJar) implements Release {
    static final String NAME = "PrairieLearn question";
    static final String QUESTION = "questions/batchnorm/";
    static final String GRADER = "serverFilesCourse/batchnorm_grader/";
    static final List<String> REQUIRED = List.of(
            QUESTION + "info.json",
            QUESTION + "question.html",
            GRADER + "run.sh",
            GRADER + "grade_submission.sh",
            GRADER + GRADER_JAR);

    @Override
    public List<ArchiveEntry> entries() throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>(bundled.under("platforms/prairielearn"));
        for (ArchiveEntry shared : bundled.under("platforms/common")) {
            entries.add(shared.movedTo(GRADER + shared.path()));
        }
        entries.add(new ArchiveEntry(GRADER + GRADER_JAR, Files.readAllBytes(graderJar)));
        IncompleteReleaseException.requireAll(NAME, entries, REQUIRED);
        return entries;
    }
}
