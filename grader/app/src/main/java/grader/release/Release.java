package grader.release;

import java.io.IOException;
import java.util.List;

/** One of the kit's releases (student handout, Gradescope autograder, PrairieLearn question). */
public interface Release {
    /** The name the grader jar has inside the Gradescope and PrairieLearn archives. */
    String GRADER_JAR = "grader.jar";


    /** Every file of the release's archive; paths are unique. */
    List<ArchiveEntry> entries() throws IOException;
}
