package grader.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the grader's scratch folders. */
public final class Folders {
    private Folders() {}

    /** Deletes a folder and everything in it, never following links; quiet if it is already gone. */
    public static void deleteRecursively(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A scratch folder left behind in the temp dir is untidy, not wrong: do not fail a grade for it.
        }
    }
}
