package grader.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The class path a test JVM needs, copied into one jar: the child's own classes (with the leaf package
 * {@code grader.common}, whose trace the child writes), the hidden tests and their data, autodiff, JUnit
 * and Gson, and nothing else. Not the grader's other packages, not the reference solution (its source in {@code grader/kit/} or its classes in a build), not the kit's
 * bundled sources, not the mutants, not the release bundle: what is not on the child's class path
 * cannot be read by the code under test, even through a hole in the static check.
 *
 * <p>The jar's name is a hash of what it was made from, and it is written once: graded children map the
 * same file, so the batch's class-data archive stays valid. Entries are stored uncompressed with a fixed
 * time (writing is fast, reading costs nothing), so the same inputs give the same bytes.
 */
public final class SlimClasspath {
    /** Folders (as jar entry prefixes) a test JVM loads from; the hidden package is added to them. */
    static final List<String> NEEDED = List.of("autodiff/", "grader/common/", "grader/runner/", "grader/harness/",
            "grader/report/", "grader/rubric/", "grader/hidden/", "grader/fixtures/", "org/junit/", "org/opentest4j/",
            "org/apiguardian/", "com/google/gson/");
    private static final long FIXED_TIME = 315_532_800_000L + 86_400_000L; // 1980-01-02, as reproducible jars do

    private SlimClasspath() {}

    /**
     * Writes (or finds) the slim jar for {@code classpath} in {@code folder}, readable by every user so
     * that a {@code --child-user} can load it.
     *
     * @param hiddenPackage the package of the hidden tests, e.g. {@code grader.hidden}
     */
    public static Path write(List<Path> classpath, String hiddenPackage, Path folder) throws IOException {
        List<String> needed = Stream.concat(NEEDED.stream(), Stream.of(hiddenPackage.replace('.', '/') + "/"))
                .distinct().toList();
        Path jar = folder.resolve("child-classpath-" + key(classpath, needed) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(folder);
        Map<String, byte[]> entries = new TreeMap<>();
        for (Path entry : classpath) {
            collect(entry, needed, entries);
        }
        Path partial = Files.createTempFile(folder, "child-classpath-", ".partial");
        try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(stored(entry.getKey(), entry.getValue()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    /** Whether a class path entry's name (a path inside a jar) is one a test JVM needs. */
    static boolean isNeeded(String name, List<String> needed) {
        return !name.endsWith("/") && needed.stream().anyMatch(name::startsWith);
    }

    private static void collect(Path entry, List<String> needed, Map<String, byte[]> entries) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = entry.relativize(file).toString().replace('\\', '/');
                    if (isNeeded(name, needed) && !entries.containsKey(name)) {
                        entries.put(name, Files.readAllBytes(file));
                    }
                }
            }
        } else if (Files.isRegularFile(entry)) {
            try (ZipFile zip = new ZipFile(entry.toFile())) {
                for (ZipEntry zipEntry : zip.stream().toList()) {
                    if (isNeeded(zipEntry.getName(), needed) && !entries.containsKey(zipEntry.getName())) {
                        entries.put(zipEntry.getName(), zip.getInputStream(zipEntry).readAllBytes());
                    }
                }
            }
        }
    }

    private static ZipEntry stored(String name, byte[] bytes) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setTime(FIXED_TIME);
        return entry;
    }

    /** A hash of the inputs: each entry's path, size and modification time, and the folders kept. */
    private static String key(List<Path> classpath, List<String> needed) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", needed));
        for (Path entry : classpath) {
            text.append('|').append(entry.toAbsolutePath());
            if (Files.isRegularFile(entry)) {
                text.append(':').append(Files.size(entry)).append(':').append(Files.getLastModifiedTime(entry).toMillis());
            } else if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        text.append(';').append(file).append(':').append(Files.size(file)).append(':')
                                .append(Files.getLastModifiedTime(file).toMillis());
                    }
                }
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("no SHA-256 in this JDK", e));
        }
    }
}
