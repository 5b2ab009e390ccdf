package grader.batch;

import grader.common.ChildJvmFlags;
import grader.common.GraderConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the batch's child JVMs start faster with an archive of what a child loads (the JDK's, JUnit's,
 * Gson's and autodiff's classes): the first batch starts the child's main class once with no request, so it
 * runs its warm-up (which takes the graded run's path through JUnit, the listener and the wire), finds no
 * request and exits, and the JVM writes the archive on the way out (a graded child is killed at its end, too
 * early); every child afterwards maps it. On JDK 17 to 24 it is a class-data sharing archive
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}); from JDK 25 on, an AOT cache
 * ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}, JEP 483 and 514), which also keeps the classes linked
 * and their lambdas and string concatenations bound, the part of JUnit's start-up that a class-data archive
 * leaves to every child. The archive lives in the grading user's cache ({@code grader-cache-UID/cds} in the temp
 * folder, see grader.command.ChildIsolation#cacheFolder), named after what it depends on (JDK, class path and its
 * jars' sizes and dates, JVM options), so every later batch of the same grader, into any {@code --out} folder, maps
 * it at once, a single {@code grade} too ({@link #withExistingArchive}: it never makes one, which would make it
 * slower), and a rebuilt grader makes a new one. Both only archive classes from jars: on a class path of folders
 * (the grader's own tests) nothing changes. A missing or stale archive is harmless: the child starts without it.
 * A truncated one is not (a JVM that maps it crashes), so a new archive takes its name only after a JVM that must
 * map it started ({@link ArchiveCheck}).
 */
public final class ChildStartup {
    /** The class every child JVM starts with. */
    private static final String CHILD_MAIN = grader.runner.ChildMain.class.getName();
    private static final long TRAINING_LIMIT_SECONDS = 120;

    private ChildStartup() {}

    /**
     * {@code config} with the archive for its children, made first if needed; unchanged where CDS cannot help or
     * the system property {@code grader.classDataArchive} is {@code false}; {@code class-data} makes a class-data
     * archive where an AOT cache could be made (GradeAllBenchmark compares all three).
     */
    public static GraderConfig withClassDataArchive(GraderConfig config, Path cacheFolder, PrintStream log)
            throws IOException, InterruptedException {
        if (!archiveHelps(config)) {
            return config;
        }
        Kind kind = kind();
        Path archive = archiveFor(config, cacheFolder, kind);
        if (!Files.isRegularFile(archive)) {
            Files.createDirectories(archive.getParent());
            Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            long start = System.nanoTime();
            train(config, kind, partial);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0
                    || !ArchiveCheck.maps(ChildJvmFlags.of(config), kind.mustMap(partial), config.childClasspath())) {
                log.println("grade-all: could not create the " + kind.description + "; children start without it");
                Files.deleteIfExists(partial);
                return config;
            }
            try {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            log.printf(Locale.ROOT, "grade-all: made the child JVMs' %s in %.1f s (%s)%n", kind.description,
                    (System.nanoTime() - start) / 1e9, archive);
        }
        return config.toBuilder().addChildJvmOption(kind.useOption + archive).build();
    }

    /**
     * {@code config} with the archive for its children if a batch made one in {@code cacheFolder} already, else
     * unchanged: for a single {@code grade}, which the making (1 s on JDK 17, 3 s on JDK 25) would slow down more
     * than mapping it speeds up (about 0.13 s of wall time and 0.2 core-s on JDK 17).
     */
    public static GraderConfig withExistingArchive(GraderConfig config, Path cacheFolder) throws IOException {
        if (!archiveHelps(config)) {
            return config;
        }
        Kind kind = kind();
        Path archive = archiveFor(config, cacheFolder, kind);
        return Files.isRegularFile(archive) ? config.toBuilder().addChildJvmOption(kind.useOption + archive).build()
                : config;
    }

    /** False where it is turned off ({@code -Dgrader.classDataArchive=false}) or the class path has a folder. */
    private static boolean archiveHelps(GraderConfig config) {
        return !"false".equals(System.getProperty("grader.classDataArchive")) && !config.childClasspath().isEmpty()
                && config.childClasspath().stream().allMatch(ChildStartup::isJar);
    }

    private static Kind kind() {
        return "class-data".equals(System.getProperty("grader.classDataArchive")) ? Kind.CLASS_DATA : Kind.OF_THIS_JDK;
    }

    private static Path archiveFor(GraderConfig config, Path cacheFolder, Kind kind) throws IOException {
        return cacheFolder.resolve("cds").resolve("child-" + key(config).substring(0, 16) + kind.extension);
    }

    /** Runs the child's main class without a request: it loads what every child loads, then exits. */
    private static void train(GraderConfig config, Kind kind, Path archive) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(ChildJvmFlags.of(config));
        options.add(kind.writeOption + archive);
        // Its exit code says nothing (no request is an error to the child): ArchiveCheck judges what it wrote.
        QuietJvm.run(options, config.childClasspath(), CHILD_MAIN, TRAINING_LIMIT_SECONDS);
    }

    /** The archive this JDK makes and maps: the options that write and use it, and its file's extension. */
    enum Kind {
        CLASS_DATA("-XX:ArchiveClassesAtExit=", ChildJvmFlags.CLASS_DATA_ARCHIVE, ".jsa", "class-data archive"),
        AOT_CACHE("-XX:AOTCacheOutput=", ChildJvmFlags.AOT_CACHE, ".aot", "AOT cache");

        /** One-step AOT caches (JEP 514) came with JDK 25. */
        static final Kind OF_THIS_JDK = Runtime.version().feature() >= 25 ? AOT_CACHE : CLASS_DATA;

        final String writeOption;
        final String useOption;
        final String extension;
        final String description;

        Kind(String writeOption, String useOption, String extension, String description) {
            this.writeOption = writeOption;
            this.useOption = useOption;
            this.extension = extension;
            this.description = description;
        }

        /** The options that make a JVM map {@code archive} or refuse to start. */
        List<String> mustMap(Path archive) {
            return this == CLASS_DATA ? ArchiveCheck.mustMapClassData(archive) : ArchiveCheck.mustMapAotCache(archive);
        }
    }

    private static String key(GraderConfig config) throws IOException {
        return archiveKey(config.childJvmOptions() + "|" + config.heap(), config.childClasspath());
    }

    /**
     * A hash of what class-data sharing checks before it maps an archive: this JDK and its VM's build, the JVM
     * options, and each jar's path, size and time; for the test JVMs' archive here and the grader's own
     * (GraderArchive, beside the command line), so that a changed one gets a new file instead of a warning.
     */
    public static String archiveKey(String jvmOptions, List<Path> jars) throws IOException {
        StringBuilder text = new StringBuilder(System.getProperty("java.home")).append('|')
                .append(System.getProperty("java.vm.version")).append('|').append(jvmOptions);
        for (Path jar : jars) {
            text.append('|').append(jar).append(':').append(Files.size(jar)).append(':')
                    .append(Files.getLastModifiedTime(jar).toMillis());
        }
        return ContentHash.ofText(text.toString());
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry);
    }
}
