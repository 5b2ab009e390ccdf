package grader.release;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Test helpers: where the kit's files are, and how to unpack a release the way unzip would. */
final class Kit {
    private Kit() {
    }

    /** The repository root (surefire sets {@code kit.root}; grader/app/pom.xml). */
    static Path root() {
        return Path.of(System.getProperty("kit.root", "../..")).toAbsolutePath().normalize();
    }

    /** True when the exercise's student module (stubs and self-checks) is in this checkout. */
    static boolean hasStudentModule() {
        return Files.isRegularFile(root().resolve("student/src/main/java/batchnorm/Model.java"))
                && Files.isDirectory(root().resolve("student/src/test/java"));
    }

    static final String NO_STUDENT_MODULE = "student/src (stubs and self-checks) is not in this checkout: "
            + "the handout cannot be built, so this check is skipped";

    /**
     * Skips the calling test class unless {@code condition} holds, and says why on stderr, which Maven
     * shows even when the skipped class reports no test at all.
     */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            // the outermost frame of this package is the test class JUnit called
            String testClass = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                    .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                            .filter(type -> type.getPackageName().equals("grader.release"))
                            .reduce((inner, outer) -> outer))
                    .map(Class::getSimpleName).orElse("release check");
            System.err.println("[release check skipped] " + testClass + ": " + reason);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(condition, reason);
    }

    /** Unpacks a zip with the Unix modes it stores (through the zip file system), like unzip does. */
    static void extract(Path zip, Path folder) throws IOException {
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem archive = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"))) {
            Path top = archive.getPath("/");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(top)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path target = folder.resolve(top.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file));
            }
        }
    }

    /** The Unix permissions stored for one entry of a zip. */
    static Set<PosixFilePermission> permissions(Path zip, String entry) throws IOException {
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem archive = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"))) {
            return Files.getPosixFilePermissions(archive.getPath(entry));
        }
    }

    /** Every regular file under a folder, as paths relative to it with '/'. */
    static List<String> relativeFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
