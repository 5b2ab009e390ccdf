package grader.compile;

import autodiff.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Copies the {@code autodiff} classes, and nothing else, into a folder: the only class path student code
 * is compiled against. In the grader jar they sit next to the grader and JUnit, which a submission must
 * not see at compile time.
 */
final class AutodiffClasses {
    private static final String PACKAGE_FOLDER = "autodiff/";

    private AutodiffClasses() {}

    static Path extractTo(Path folder) throws IOException {
        Path source;
        try {
            source = Path.of(Matrix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the autodiff classes", e);
        }
        Files.createDirectories(folder.resolve(PACKAGE_FOLDER));
        if (Files.isDirectory(source)) {
            try (Stream<Path> classes = Files.list(source.resolve(PACKAGE_FOLDER))) {
                for (Path file : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                    Files.copy(file, folder.resolve(PACKAGE_FOLDER).resolve(file.getFileName().toString()));
                }
            }
            return folder;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(PACKAGE_FOLDER) && name.endsWith(".class") && name.indexOf('/', PACKAGE_FOLDER.length()) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, folder.resolve(name));
                    }
                }
            }
        }
        return folder;
    }
}
