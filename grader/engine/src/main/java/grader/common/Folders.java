package grader.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes the grader's scratch folders. */
public final class Folders {
    /** Passes over a folder that is still being written to (a test JVM dying, a grade in flight on Ctrl-C). */
    private static final int PASSES = 10;
    private static final long PAUSE_MILLIS = 50;

    private Folders() {}

    /**
     * Deletes a folder and everything in it, never following links; quiet if it is already gone. A file
     * that appears while it deletes (the folder of a grade still in flight when a shutdown hook runs) makes
     * it go over the folder again, a few times, rather than give up at the first non-empty folder.
     */
    public static void deleteRecursively(Path folder) {
        for (int pass = 0; pass < PASSES && Files.exists(folder, LinkOption.NOFOLLOW_LINKS); pass++) {
            deleteWhatIsThere(folder);
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        // A scratch folder left behind in the temp dir is untidy, not wrong: never fail a grade for it.
    }

    private static void deleteWhatIsThere(Path folder) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            return; // something vanished under the walk: the next pass sees what is left
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // not empty yet, or not ours to delete: the next pass tries again
            }
        }
    }
}
