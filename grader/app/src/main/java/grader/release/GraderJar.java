package grader.release;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the running grader's classes come from: its jar, or a class folder in the IDE and in tests. */
final class GraderJar {
    private GraderJar() {
    }

    /** The jar or class folder holding the grader's classes. */
    static Path codeSource() {
        try {
            return Path.of(GraderJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the grader's own classes", e);
        }
    }

    /** The running grader's jar, or empty when it runs from a class folder. */
    static Optional<Path> running() {
        Path codeSource = codeSource();
        return Files.isRegularFile(codeSource) ? Optional.of(codeSource) : Optional.empty();
    }
}
