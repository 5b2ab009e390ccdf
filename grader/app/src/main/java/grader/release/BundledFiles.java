package grader.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files the build copied into the grader under {@code grader/release-bundle/} (see grader/app/pom.xml):
 * read from the grader jar when running from it, or from {@code target/classes} in tests.
 */
public final class BundledFiles {
    /** Where the bundle starts in the jar; the hyphen keeps it apart from every package folder. */
    static final String ROOT = "grader/release-bundle/";

    private final Path codeSource;

    /** The files bundled in a jar or class folder; tests use their own. */
    BundledFiles(Path codeSource) {
        this.codeSource = codeSource;
    }

    /** The files bundled with the running grader. */
    public static BundledFiles ofRunningGrader() {
        return new BundledFiles(GraderJar.codeSource());
    }

    /**
     * Every file under {@code grader/release-bundle/<folder>/}, sorted by path, with paths relative to it;
     * empty when the build bundled nothing there.
     */
    public List<ArchiveEntry> under(String folder) throws IOException {
        String prefix = ROOT + folder + "/";
        return Files.isDirectory(codeSource) ? fromDirectory(codeSource.resolve(prefix)) : fromJar(prefix);
    }

    private static List<ArchiveEntry> fromDirectory(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                entries.add(new ArchiveEntry(relative, Files.readAllBytes(file)));
            }
        }
        return entries;
    }

    private List<ArchiveEntry> fromJar(String prefix) throws IOException {
        List<ArchiveEntry> entries = new ArrayList<>();
        try (ZipFile jar = new ZipFile(codeSource.toFile())) {
            Enumeration<? extends ZipEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        entries.add(new ArchiveEntry(entry.getName().substring(prefix.length()), in.readAllBytes()));
                    }
                }
            }
        }
        entries.sort((a, b) -> a.path().compareTo(b.path()));
        return entries;
    }
}
