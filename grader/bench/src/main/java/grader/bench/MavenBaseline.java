package grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The way a class is graded without grade-all: per submission, a fresh copy of the students' project (the
 * root pom reduced to autodiff and student, as in the handout, with autodiff and student sources), the
 * submission's Model.java copied in, and {@code mvn -o -q test} with the self-checks on. Its wall time is
 * what the benchmark compares against.
 */
final class MavenBaseline {
    private static final long LIMIT_SECONDS = 600;

    private MavenBaseline() {}

    /** The handout's layout, made once from the kit's repository at {@code kitRoot}. */
    static Path handout(Path kitRoot, Path destination) throws IOException {
        String rootPom = Files.readString(kitRoot.resolve("pom.xml"), StandardCharsets.UTF_8)
                .replaceFirst("(?s)<modules>.*?</modules>", "<modules>\n    <module>autodiff</module>\n"
                        + "    <module>student</module>\n  </modules>");
        Files.createDirectories(destination);
        Files.writeString(destination.resolve("pom.xml"), rootPom, StandardCharsets.UTF_8);
        copyTree(kitRoot.resolve("autodiff"), destination.resolve("autodiff"));
        copyTree(kitRoot.resolve("student"), destination.resolve("student"));
        return destination;
    }

    /** Maven did not get as far as running the self-checks, so its time is not a baseline. */
    static final class NotRun extends IOException {
        NotRun(String message) {
            super(message);
        }
    }

    /**
     * Seconds of wall time for {@code mvn -o -q test} on a copy of the handout with this Model.java, which must
     * compile: the run counts once the self-checks ran, passed or failed.
     *
     * @throws NotRun when Maven wrote no test report (it could not resolve a plugin offline, say)
     */
    static double timeOne(Path handout, Path copy, String model) throws IOException, InterruptedException {
        copyTree(handout, copy);
        Files.writeString(copy.resolve("student/src/main/java/batchnorm/Model.java"), model, StandardCharsets.UTF_8);
        Path output = copy.resolve("maven-output.txt");
        long start = System.nanoTime();
        Process maven = new ProcessBuilder(List.of("mvn", "-o", "-q", "-B", "test", "-Dselfchecks.skip=false"))
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!maven.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // The exit code is not the point, a wrong submission fails its self-checks and that is still a run; but a
        // build that stopped before the tests is quick, and once made this baseline look twice as fast.
        if (!ranTheSelfChecks(copy)) {
            List<String> lines = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines().toList();
            throw new NotRun("mvn -o -q test in " + copy + " ran no self-check (no test report in student/target/"
                    + "surefire-reports)" + offlineHint(lines) + "; the end of its output:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size())));
        }
        return seconds;
    }

    /**
     * What to do when offline Maven lacks a plugin: a build with {@code -DskipTests} never downloads surefire's own
     * dependencies, and this baseline runs offline so that no download counts in its time.
     */
    static String offlineHint(List<String> output) {
        boolean missingOffline = output.stream().anyMatch(line -> line.contains("offline mode")
                && line.contains("has not been downloaded"));
        return missingOffline ? ". Maven runs offline here and lacks a plugin of the test phase: run the README's test"
                + " command (./mvnw -B verify) once, which downloads it, then the benchmark again" : "";
    }

    private static boolean ranTheSelfChecks(Path copy) throws IOException {
        Path reports = copy.resolve("student/target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return false;
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.anyMatch(file -> file.getFileName().toString().matches("TEST-.*\\.xml"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
