package grader.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What one test JVM may see, each at the same path inside the sandbox as outside (so that class paths,
 * the class-data archive and the request need no translation).
 *
 * @param readOnly  the JDK, the slim class path, the compiled submission, a class-data archive
 * @param channel   the Unix-domain socket the child reports on
 * @param workDir   the child's working folder and home: an empty private tmpfs inside the sandbox
 */
public record ChildMounts(List<Path> readOnly, Path channel, Path workDir) {
    public ChildMounts {
        readOnly = List.copyOf(readOnly);
    }
}
