package grader.common;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Folders of a submission the grader never reads: version control, build output and IDE state. Finding
 * Model.java and deciding whether a submission changed both walk a submission this one way, so a
 * {@code git fetch} or a build changes nothing the grader sees.
 */
public final class SkippedFolders {
    private static final Set<String> NAMES = Set.of("target", "build", "out", ".git", ".idea", ".gradle",
            "node_modules", "__MACOSX");

    private SkippedFolders() {}

    /**
     * The files below {@code root} (links included, never followed), outside skipped folders, sorted; at
     * most {@code limit + 1} of them, so that a caller can tell there are more than {@code limit}.
     */
    public static List<Path> filesBelow(Path root, int limit) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && NAMES.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.add(file);
                return files.size() > limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
