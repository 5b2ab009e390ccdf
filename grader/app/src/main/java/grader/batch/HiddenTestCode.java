package grader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the hidden tests are made of: every file under their package's folder (the test classes and their
 * helpers) and under the exercise's fixture folder, as the class path has them (a jar or a folder). Part of
 * the grader's fingerprint, so that fixing a hidden test mid-term grades every submission again and
 * {@code changes.csv} lists whose score the fix changed, even when the test kept its points and hint.
 */
final class HiddenTestCode {
    /** The reference data the hidden tests compare with ({@code BatchNormReference}). */
    static final String FIXTURES_FOLDER = "grader/fixtures/";

    private HiddenTestCode() {}

    /** Relative name and SHA-256 of each file, sorted by name, one per line. */
    static String fingerprint(ClassLoader loader, String hiddenPackage) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String folder : new String[] {hiddenPackage.replace('.', '/') + "/", FIXTURES_FOLDER}) {
            for (URL url : Collections.list(loader.getResources(folder))) {
                if (url.getProtocol().equals("jar")) {
                    addJarEntries(url, folder, files);
                } else if (url.getProtocol().equals("file")) {
                    addFiles(url, folder, files);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        files.forEach((name, hash) -> text.append(name).append(' ').append(hash).append('\n'));
        return text.toString();
    }

    private static void addJarEntries(URL url, String folder, Map<String, String> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName(), ContentHash.ofBytes(in.readAllBytes()));
                    }
                }
            }
        }
    }

    private static void addFiles(URL url, String folder, Map<String, String> files) throws IOException {
        Path root;
        try {
            root = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("unreadable class path entry " + url, e);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(folder + root.relativize(file).toString().replace('\\', '/'),
                            ContentHash.ofBytes(Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
