package grader.batch;

import grader.common.ChildJvmFlags;
import grader.common.GraderConfig;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Makes the batch's child JVMs start faster with a class-data sharing archive of the classes a child
 * loads (the JDK's, JUnit's, autodiff's): the first batch starts the child's main class once with
 * {@code -XX:ArchiveClassesAtExit} and no request, so it warms up JUnit, finds no request and exits (the
 * archive is written at a normal exit; a graded child is killed at its end, too early), and every child
 * afterwards maps the archive with {@code -XX:SharedArchiveFile}. The archive lives in {@code OUTDIR/.grade-all/cds}, named after what it
 * depends on (JDK, class path and its jars' sizes and dates, JVM options), so a rebuilt grader makes a
 * new one. CDS only archives classes from jars: on a class path of folders (the grader's own tests)
 * nothing changes. A missing or stale archive is harmless: {@code -Xshare:auto} starts without it.
 */
public final class ChildStartup {
    /** The class every child JVM starts with. */
    private static final String CHILD_MAIN = grader.runner.ChildMain.class.getName();
    private static final long TRAINING_LIMIT_SECONDS = 120;

    private ChildStartup() {}

    /**
     * {@code config} with the archive for its children, made first if needed; unchanged where CDS cannot help or
     * the system property {@code grader.classDataArchive} is {@code false} (GradeAllBenchmark compares both).
     */
    public static GraderConfig withClassDataArchive(GraderConfig config, Path stateFolder, PrintStream log)
            throws IOException, InterruptedException {
        if ("false".equals(System.getProperty("grader.classDataArchive")) || config.childClasspath().isEmpty()
                || !config.childClasspath().stream().allMatch(ChildStartup::isJar)) {
            return config;
        }
        Path archive = stateFolder.resolve("cds").resolve("child-" + key(config).substring(0, 16) + ".jsa");
        if (!Files.isRegularFile(archive)) {
            Files.createDirectories(archive.getParent());
            Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            long start = System.nanoTime();
            train(config, partial);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                log.println("grade-all: could not create the class-data archive; children start without it");
                Files.deleteIfExists(partial);
                return config;
            }
            try {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            log.printf(Locale.ROOT, "grade-all: made the child JVMs' class-data archive in %.1f s (%s)%n",
                    (System.nanoTime() - start) / 1e9, archive);
        }
        return config.toBuilder().addChildJvmOption("-XX:SharedArchiveFile=" + archive).build();
    }

    /** Runs the child's main class without a request: it loads what every child loads, then exits. */
    private static void train(GraderConfig config, Path archive) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ChildJvmFlags.of(config));
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, config.childClasspath().stream().map(Path::toString).toList()));
        command.add(CHILD_MAIN);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        if (!process.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static String key(GraderConfig config) throws IOException {
        StringBuilder text = new StringBuilder(System.getProperty("java.home")).append('|')
                .append(System.getProperty("java.vm.version")).append('|').append(config.childJvmOptions())
                .append('|').append(config.heap());
        for (Path jar : config.childClasspath()) {
            text.append('|').append(jar).append(':').append(Files.size(jar)).append(':')
                    .append(Files.getLastModifiedTime(jar).toMillis());
        }
        return ContentHash.ofText(text.toString());
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry);
    }
}
