package grader.cli;

import grader.batch.ArchiveCheck;
import grader.batch.ChildStartup;
import grader.command.ChildIsolation;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * A class-data archive of the grader's own JVM, which {@link TunedJvm} maps: javac's, picocli's, Gson's and the
 * grader's classes arrive parsed, so a single {@code grade} does not parse them again (on the kit's 2-core machine,
 * JDK 17: about 0.25 s of its 1.65 s, and an eighth of its processor time). The first {@code grade-all} of a grader on a machine
 * makes it as its JVM exits ({@code -XX:ArchiveClassesAtExit}, dynamic CDS, JDK 13 on), which a batch hardly
 * notices; a {@code grade} never makes one, as it never makes the test JVMs' archive (grader.batch.ChildStartup).
 *
 * <p>It lives in the grading user's own cache (grader.command.ChildIsolation#cacheFolder), named after all that
 * class-data sharing checks when it maps one (the JDK, the JVM options, the grader jar's path, size and time), so
 * another JDK or a rebuilt jar makes a new one rather than a warning. A JVM that maps a truncated archive
 * crashes, so a new one takes its name only after a JVM started with {@code -Xshare:on} (which refuses to start
 * without it) mapped it ({@link ArchiveCheck}, which checks the test JVMs' archive too).
 * {@code -Dgrader.graderArchive=false} goes without.
 */
final class GraderArchive {
    static final String PROPERTY = "grader.graderArchive";
    /** Silences class-data sharing's own warnings: an archive it cannot use is simply not used. */
    static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

    private final Path archive;
    /** Where this run writes a new archive, or null when it maps one or makes none. */
    private final Path making;
    /** What the archive is named after, and what the JVM that checks a new one starts with. */
    private final List<String> jvmOptions;
    private final List<Path> classpath;

    private GraderArchive(Path archive, Path making, List<String> jvmOptions, List<Path> classpath) {
        this.archive = archive;
        this.making = making;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = List.copyOf(classpath);
    }

    /**
     * The archive for a tuned JVM with these options and class path, in the user's cache; empty where there is
     * none to map or make (turned off, a class path with folders, no cache folder).
     */
    static Optional<GraderArchive> forCommand(String[] args, List<String> jvmOptions, List<Path> classpath) {
        if ("false".equals(System.getProperty(PROPERTY))) {
            return Optional.empty();
        }
        try {
            return in(ChildIsolation.cacheFolder(), args.length > 0 ? args[0] : "", jvmOptions, classpath);
        } catch (IOException | RuntimeException noCache) {
            return Optional.empty();
        }
    }

    /** @param command the grader's subcommand: only {@code grade-all} makes a missing archive */
    static Optional<GraderArchive> in(Path cacheFolder, String command, List<String> jvmOptions, List<Path> classpath)
            throws IOException {
        if (classpath.isEmpty() || !classpath.stream().allMatch(GraderArchive::isJar)) {
            return Optional.empty();
        }
        Path archive = cacheFolder.resolve("cds").resolve("grader-" + key(jvmOptions, classpath) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return Optional.of(new GraderArchive(archive, null, jvmOptions, classpath));
        }
        if (!command.equals("grade-all")) {
            return Optional.empty();
        }
        Files.createDirectories(archive.getParent());
        return Optional.of(new GraderArchive(archive, archive.resolveSibling(archive.getFileName() + "."
                + ProcessHandle.current().pid() + ".partial"), jvmOptions, classpath));
    }

    /** The options that map the archive, or write a new one at exit. */
    List<String> options() {
        return making == null ? List.of(QUIET, "-XX:SharedArchiveFile=" + archive)
                : List.of(QUIET, "-XX:ArchiveClassesAtExit=" + making);
    }

    /**
     * After the tuned JVM ended: a new archive that a JVM with the options and class path it is named after maps
     * takes its name; anything else written is deleted. Best effort: without it, the next run starts as this one did.
     */
    void finish(int exitCode) {
        if (making == null) {
            return;
        }
        try {
            if (exitCode == 0 && Files.isRegularFile(making) && Files.size(making) > 0
                    && ArchiveCheck.maps(jvmOptions, ArchiveCheck.mustMapClassData(making), classpath)) {
                try {
                    Files.move(making, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(making, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | InterruptedException notNow) {
            if (notNow instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            try {
                Files.deleteIfExists(making);
            } catch (IOException leftForTheCacheToTidy) {
                // StaleCacheEntries deletes a .partial file after a day
            }
        }
    }

    Path archive() {
        return archive;
    }

    /** The first 16 hex digits, as the test JVMs' archive is named (ChildStartup). */
    private static String key(List<String> jvmOptions, List<Path> classpath) throws IOException {
        List<Path> absolute = classpath.stream().map(Path::toAbsolutePath).toList();
        return ChildStartup.archiveKey(jvmOptions.toString(), absolute).substring(0, 16);
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName() != null && entry.getFileName().toString().endsWith(".jar")
                && Files.isRegularFile(entry);
    }
}
