package grader.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a submission in this JVM with {@code javax.tools}, against the autodiff classes only, and runs
 * the static check on the student's file between analysis and code generation. One instance serves many
 * submissions: the compiler and its file manager stay warm; compilations take turns.
 */
public final class SourceCompiler {
    private static final int MAX_MESSAGES = 30;

    private final JavaCompiler javac;
    private final StandardJavaFileManager fileManager;
    private final Path autodiffClasses;

    /** @param scratch a folder this compiler may keep the autodiff classes in */
    public SourceCompiler(Path scratch) throws IOException {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader with a JDK, not a JRE");
        }
        fileManager = javac.getStandardFileManager(null, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8);
        autodiffClasses = AutodiffClasses.extractTo(scratch.resolve("autodiff-classes"));
    }

    /**
     * @param sources     file name to text, all in package batchnorm
     * @param studentFile the one file the static check applies to (the kit's own files are trusted)
     * @param output      folder for the class files
     */
    public synchronized Compilation compile(Map<String, String> sources, String studentFile, Path output,
                                            boolean staticCheck) throws IOException {
        java.nio.file.Files.createDirectories(output);
        fileManager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
        fileManager.setLocation(StandardLocation.CLASS_PATH, List.of(autodiffClasses.toFile()));
        fileManager.setLocation(StandardLocation.SOURCE_PATH, List.of());
        List<JavaFileObject> units = sources.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> (JavaFileObject) new Source(e.getKey(), e.getValue())).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-proc:none", "-implicit:none", "-g", "-nowarn",
                "-Xlint:none", "-encoding", "UTF-8");
        JavacTask task = (JavacTask) javac.getTask(new StringWriter(), fileManager, diagnostics, options, null, units);
        Iterable<? extends CompilationUnitTree> trees = task.parse();
        task.analyze();
        if (hasErrors(diagnostics)) {
            return new Compilation(Compilation.Result.ERRORS, errors(diagnostics, sources));
        }
        if (staticCheck) {
            List<String> violations = new ArrayList<>();
            for (CompilationUnitTree tree : trees) {
                if (Source.fileName(tree.getSourceFile()).equals(studentFile)) {
                    violations.addAll(ForbiddenApiScanner.scan(tree, Trees.instance(task), studentFile));
                }
            }
            if (!violations.isEmpty()) {
                return new Compilation(Compilation.Result.FORBIDDEN, cap(violations));
            }
        }
        task.generate();
        if (hasErrors(diagnostics)) {
            return new Compilation(Compilation.Result.ERRORS, errors(diagnostics, sources));
        }
        return new Compilation(Compilation.Result.COMPILED, List.of());
    }

    private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    /** javac's errors as {@code Model.java:12: error: ';' expected}, then the line and a caret under the column. */
    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics, Map<String, String> sources) {
        List<String> messages = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : Source.fileName(d.getSource());
            StringBuilder message = new StringBuilder(file).append(':').append(d.getLineNumber())
                    .append(": error: ").append(d.getMessage(Locale.ROOT));
            String text = sources.get(file);
            if (text != null && d.getLineNumber() > 0) {
                String[] lines = text.split("\r?\n", -1);
                if (d.getLineNumber() <= lines.length) {
                    String line = lines[(int) d.getLineNumber() - 1];
                    message.append('\n').append(line).append('\n')
                            .append(" ".repeat((int) Math.max(0, Math.min(d.getColumnNumber() - 1, line.length()))))
                            .append('^');
                }
            }
            messages.add(message.toString());
        }
        return cap(messages);
    }

    private static List<String> cap(List<String> messages) {
        if (messages.size() <= MAX_MESSAGES) {
            return messages;
        }
        List<String> capped = new ArrayList<>(messages.subList(0, MAX_MESSAGES));
        capped.add("... and " + (messages.size() - MAX_MESSAGES) + " more");
        return capped;
    }

    /** A source file held in memory, named like the file it came from. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String fileName, String text) {
            super(URI.create("string:///batchnorm/" + fileName), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }

        static String fileName(JavaFileObject file) {
            String path = file.toUri().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
