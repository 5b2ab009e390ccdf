package grader.batch;

import grader.pipeline.Grader;
import grader.pipeline.GraderConfig;
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
 * Makes the batch's child JVMs start faster with a class-data sharing archive of the classes a child
 * loads (JUnit, Gson, autodiff, the hidden tests' support code): the first batch grades the solution once
 * with {@code -XX:ArchiveClassesAtExit}, and every child afterwards maps the archive with
 * {@code -XX:SharedArchiveFile}. The archive lives in {@code OUTDIR/.grade-all/cds}, named after what it
 * depends on (JDK, class path and its jars' sizes and dates, JVM options), so a rebuilt grader makes a
 * new one. CDS only archives classes from jars: on a class path of folders (the grader's own tests)
 * nothing changes. A missing or stale archive is harmless: {@code -Xshare:auto} starts without it.
 */
final class ChildStartup {
    private ChildStartup() {}

    static GraderConfig withClassDataArchive(GraderConfig config, Path stateFolder, PrintStream log)
            throws IOException, InterruptedException {
        if (config.childClasspath().isEmpty() || !config.childClasspath().stream().allMatch(ChildStartup::isJar)) {
            return config;
        }
        Path archive = stateFolder.resolve("cds").resolve("child-" + key(config).substring(0, 16) + ".jsa");
        if (!Files.isRegularFile(archive)) {
            Files.createDirectories(archive.getParent());
            Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            long start = System.nanoTime();
            try (Grader training = new Grader(withOption(config, "-XX:ArchiveClassesAtExit=" + partial))) {
                training.gradeSource(config.kit().solutionModel());
            }
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
        return withOption(config, "-XX:SharedArchiveFile=" + archive);
    }

    private static GraderConfig withOption(GraderConfig config, String option) {
        List<String> options = new ArrayList<>(config.childJvmOptions());
        options.add(option);
        return new GraderConfig(config.heap(), config.testTimeout(), config.totalTimeout(), config.hiddenPackage(),
                config.staticCheck(), config.kit(), config.childClasspath(), config.workRoot(), options, config.testJvms());
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
