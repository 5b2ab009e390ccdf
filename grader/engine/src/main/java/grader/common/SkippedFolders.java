package grader.common;

import java.nio.file.Path;
import java.util.Set;

/**
 * Folders of a submission the grader never reads: version control, build output and IDE state. Finding
 * Model.java and deciding whether a submission changed both skip them, so a {@code git fetch} or a build
 * changes nothing the grader sees.
 */
public final class SkippedFolders {
    private static final Set<String> NAMES = Set.of("target", "build", "out", ".git", ".idea", ".gradle",
            "node_modules", "__MACOSX");

    private SkippedFolders() {}

    /** True for a folder below {@code root} that is skipped with everything in it. */
    public static boolean skips(Path root, Path folder) {
        return !folder.equals(root) && NAMES.contains(folder.getFileName().toString());
    }
}
