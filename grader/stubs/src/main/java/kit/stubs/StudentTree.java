package kit.stubs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generated part of {@code student/}: its {@code batchnorm} sources (stubs of the solution's
 * files) and its {@code ANSWERS.md} (questions only), computed from {@code solution/}.
 *
 * <p>Paths are relative to the repository root and use {@code /}; contents end with a newline.
 */
public final class StudentTree {
    static final String SOLUTION_SOURCES = "solution/src/main/java/batchnorm";
    static final String STUDENT_SOURCES = "student/src/main/java/batchnorm";
    static final String SOLUTION_ANSWERS = "solution/ANSWERS.md";
    static final String STUDENT_ANSWERS = "student/ANSWERS.md";

    private final Path repositoryRoot;

    public StudentTree(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot;
    }

    /** What the generator makes of {@code solution/}: relative path to content. */
    public Map<String, String> expected() {
        Map<String, String> files = new TreeMap<>();
        for (Path source : javaFiles(repositoryRoot.resolve(SOLUTION_SOURCES))) {
            String name = source.getFileName().toString();
            List<String> lines = readLines(source);
            List<String> student = SolutionBlocks.hasBlocks(lines) ? SolutionBlocks.toStub(SOLUTION_SOURCES + "/" + name, lines) : lines;
            files.put(STUDENT_SOURCES + "/" + name, joined(student));
        }
        Path answers = repositoryRoot.resolve(SOLUTION_ANSWERS);
        if (Files.exists(answers)) {
            files.put(STUDENT_ANSWERS, joined(AnswerSheet.questionsOnly(SOLUTION_ANSWERS, readLines(answers))));
        }
        return files;
    }

    /** Every way the committed {@code student/} differs from {@link #expected()}; empty when in sync. */
    public List<String> differences() {
        Map<String, String> expected = expected();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> file : expected.entrySet()) {
            Path actual = repositoryRoot.resolve(file.getKey());
            if (!Files.exists(actual)) {
                differences.add(file.getKey() + " is missing");
            } else {
                // A checkout with Windows line endings is not drift.
                String content = read(actual).replace("\r\n", "\n");
                if (!content.equals(file.getValue())) {
                    differences.add(file.getKey() + " differs from the generator's output, first at line "
                            + firstDifferentLine(content, file.getValue()));
                }
            }
        }
        for (String extra : generatedFolderFiles()) {
            if (!expected.containsKey(extra)) {
                differences.add(extra + " is not made by the generator (no such file in " + SOLUTION_SOURCES + ")");
            }
        }
        return differences;
    }

    /** Writes {@link #expected()} into {@code student/} and removes files the generator no longer makes. */
    public void write() {
        Map<String, String> expected = expected();
        try {
            for (String extra : generatedFolderFiles()) {
                if (!expected.containsKey(extra)) {
                    Files.delete(repositoryRoot.resolve(extra));
                }
            }
            for (Map.Entry<String, String> file : expected.entrySet()) {
                Path target = repositoryRoot.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> generatedFolderFiles() {
        Path folder = repositoryRoot.resolve(STUDENT_SOURCES);
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listing = Files.list(folder)) {
                listing.filter(Files::isRegularFile)
                        .forEach(file -> files.add(STUDENT_SOURCES + "/" + file.getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<Path> javaFiles(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static int firstDifferentLine(String actual, String expected) {
        String[] actualLines = actual.split("\n", -1);
        String[] expectedLines = expected.split("\n", -1);
        int line = 0;
        while (line < actualLines.length && line < expectedLines.length && actualLines[line].equals(expectedLines[line])) {
            line++;
        }
        return line + 1;
    }

    private static String joined(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<String> readLines(Path file) {
        return read(file).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
