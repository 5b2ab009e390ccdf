package grader.batch;

import java.nio.file.Path;

/**
 * One submission of a class, as found in the folder given to {@code grade-all}.
 *
 * @param id     unique within the batch and safe as a file name; names {@code OUTDIR/<id>.json}
 * @param name   the student's name or login when the layout tells it (Gradescope metadata, Classroom
 *               folder or remote), else empty
 * @param source the folder or {@code .zip} that is graded
 * @param layout where the submission came from
 */
public record Submission(String id, String name, Path source, Layout layout) {

    /** The layouts {@code grade-all} recognises. */
    public enum Layout {
        /** A plain folder (a copy of the kit, a student/ folder, or the .java files). */
        FOLDER,
        /** A {@code .zip} of one of those. */
        ZIP,
        /** One folder of a Gradescope "Export Submissions" download, named in its submission_metadata.yml. */
        GRADESCOPE,
        /** A GitHub Classroom clone ({@code <assignment>-<login>} with a .git folder). */
        CLASSROOM
    }
}
