package grader.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * One submission of a class, as found in the folder given to {@code grade-all}.
 *
 * @param id     unique within the batch and safe as a file name; names {@code OUTDIR/<id>.json}
 * @param name   the student's name or login when the layout tells it (Gradescope metadata, Classroom
 *               folder or remote), else empty
 * @param source the folder or {@code .zip} that is graded
 * @param layout     where the submission came from
 * @param logins     the logins and e-mail addresses it was discovered with (a Classroom login, the Gradescope
 *                   submitters' e-mails), for matching it with a gradebook; may be empty
 * @param studentIds the Gradescope submitters' student ids ({@code :sid:}); may be empty
 */
public record Submission(String id, String name, Path source, Layout layout, List<String> logins,
                         List<String> studentIds) {

    public Submission {
        logins = logins.stream().filter(login -> !login.isBlank()).toList();
        studentIds = studentIds.stream().filter(sid -> !sid.isBlank()).toList();
    }

    /** A submission known by its folder alone. */
    public Submission(String id, String name, Path source, Layout layout) {
        this(id, name, source, layout, List.of(), List.of());
    }

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
