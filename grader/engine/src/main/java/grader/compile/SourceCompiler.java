package grader.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
 * submissions: the compiler and its file manager stay warm; compilations take turns, each on its own
 * big-stack thread within a time limit ({@link CompilerThread}).
 */
public final class SourceCompiler {
    private static final int MAX_MESSAGES = 30;
    /** javac's column numbers count a tab to the next multiple of 8 (com.sun.tools.javac.util.Log). */
    private static final int TAB_WIDTH = 8;
    /**
     * The kit's language level: the same submission compiles to the same classes, and gets the same grade,
     * on every JDK from 17 up (without it, a Java 21 API such as {@code List.getFirst()} would compile on
     * JDK 25 only).
     */
    static final String RELEASE = "17";
    /**
     * javac's options for {@link #RELEASE} on a JDK of feature version {@code runningFeature}. {@code --release} reads
     * the API of an older Java from the JDK's {@code lib/ct.sym} (8 MB, 15,710 entries on JDK 17), which javac opens as
     * a zip file system when it first looks up a release and again for every compilation: a quarter of the grading
     * JVM's profile samples in a grade-all of 25 (JFR, 2026-12-03). On the JDK whose version is the release, ct.sym
     * holds only that version's module list and the API comes from the JDK's own image, so {@code -source} and
     * {@code -target} compile against the same classes to the same bytes (LanguageLevelTest) without opening it.
     * Measured with this class on the kit's five files, C1 only as the grader runs, three alternating pairs: later
     * compilations 49, 59, 46 ms with --release against 37, 47, 46 without; the first about 610 against 570.
     */
    static List<String> languageLevel(int runningFeature) {
        return runningFeature == Integer.parseInt(RELEASE) ? List.of("-source", RELEASE, "-target", RELEASE)
                : List.of("--release", RELEASE);
    }

    /** javac's options besides the language level: no annotation processors, debug information, no warnings. */
    static final List<String> OTHER_OPTIONS = List.of("-proc:none", "-implicit:none", "-g", "-nowarn", "-Xlint:none",
            "-encoding", "UTF-8");
    /** Every option of every compilation in this JVM. */
    private static final List<String> OPTIONS = Stream.concat(
            languageLevel(Runtime.version().feature()).stream(), OTHER_OPTIONS.stream()).toList();

    /**
     * How the compiling thread is bounded.
     *
     * @param stackBytes the thread's stack; javac needs about 1 KB per nesting level of the source
     * @param timeLimit  how long one compilation may take before it counts as not finishing
     */
    public record Limits(long stackBytes, Duration timeLimit) {
        /** 512 MB of stack (reserved, used only as deep as javac goes) and a minute. */
        public static final Limits DEFAULT = new Limits(512L << 20, Duration.ofSeconds(60));
    }

    private final JavaCompiler javac;
    private final Limits limits;
    private final Path autodiffClasses;
    private StandardJavaFileManager fileManager;

    /** @param scratch a folder this compiler may keep the autodiff classes in */
    public SourceCompiler(Path scratch) throws IOException {
        this(scratch, Limits.DEFAULT);
    }

    /** @param scratch a folder this compiler may keep the autodiff classes in */
    public SourceCompiler(Path scratch, Limits limits) throws IOException {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader with a JDK, not a JRE");
        }
        this.limits = limits;
        fileManager = newFileManager();
        autodiffClasses = AutodiffClasses.extractTo(scratch.resolve("autodiff-classes"));
    }

    /**
     * @param sources     file name to text, all in package batchnorm
     * @param studentFile the one file the static check applies to (the kit's own files are trusted)
     * @param output      folder for the class files
     * @return the compilation; when javac itself fails or does not finish, {@link Compilation.Result#ERRORS}
     *         with one message that says so
     */
    public synchronized Compilation compile(Map<String, String> sources, String studentFile, Path output,
                                            boolean staticCheck) throws IOException {
        java.nio.file.Files.createDirectories(output);
        StandardJavaFileManager files = fileManager;
        try {
            return CompilerThread.run(limits, studentFile, () -> compileWith(files, sources, studentFile, output,
                    staticCheck), () -> fileManager = newFileManager());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while compiling " + studentFile);
        }
    }

    /** A fresh one after javac failed or was left running: the old one may be half-way through a task. */
    private StandardJavaFileManager newFileManager() {
        return javac.getStandardFileManager(null, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Compilation compileWith(StandardJavaFileManager fileManager, Map<String, String> sources,
                                    String studentFile, Path output, boolean staticCheck) throws IOException {
        fileManager.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
        fileManager.setLocation(StandardLocation.CLASS_PATH, List.of(autodiffClasses.toFile()));
        fileManager.setLocation(StandardLocation.SOURCE_PATH, List.of());
        List<JavaFileObject> units = sources.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> (JavaFileObject) new Source(e.getKey(), e.getValue())).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) javac.getTask(new StringWriter(), fileManager, diagnostics, OPTIONS, null, units);
        Iterable<? extends CompilationUnitTree> trees = task.parse();
        task.analyze();
        if (hasErrors(diagnostics)) {
            return new Compilation(Compilation.Result.ERRORS, errors(diagnostics, sources, studentFile));
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
            return new Compilation(Compilation.Result.ERRORS, errors(diagnostics, sources, studentFile));
        }
        return new Compilation(Compilation.Result.COMPILED, List.of());
    }

    private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    /**
     * javac's errors as {@code Model.java:12: error: ';' expected}, then the line and a caret under the column;
     * after them, when an error is in a file the student did not write, what that means.
     */
    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics, Map<String, String> sources,
                                       String studentFile) {
        List<String> messages = new ArrayList<>();
        Set<String> kitFilesInError = new TreeSet<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : Source.fileName(d.getSource());
            if (!file.isEmpty() && !file.equals(studentFile)) {
                kitFilesInError.add(file);
            }
            messages.add(withSourceLine(file + ":" + d.getLineNumber() + ": error: " + d.getMessage(Locale.ROOT),
                    sources.get(file), d.getLineNumber(), d.getColumnNumber()));
        }
        List<String> capped = cap(messages);
        if (!kitFilesInError.isEmpty()) {
            capped.add(String.join(", ", kitFilesInError) + (kitFilesInError.size() == 1 ? " is" : " are")
                    + " the kit's own code, compiled unchanged with your " + studentFile + ": an error there means "
                    + studentFile + " no longer declares what the kit uses. Keep the names, parameters and types that "
                    + "the kit's " + studentFile + " gives.");
        }
        return capped;
    }

    /** The message, then the source line it is about and a caret under the column, when the line is known. */
    private static String withSourceLine(String message, String text, long lineNumber, long column) {
        if (text == null || lineNumber <= 0) {
            return message;
        }
        // javac ends a line at CR LF, LF or a lone CR (old Mac editors).
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (lineNumber > lines.length) {
            return message;
        }
        String line = lines[(int) lineNumber - 1];
        return message + '\n' + line + '\n' + caretUnder(line, column);
    }

    /**
     * A caret under {@code column} as javac counts it (a tab goes to the next multiple of 8), padded with the
     * line's own tabs, so that it points at the right place however wide the reader's tabs are.
     */
    static String caretUnder(String line, long column) {
        StringBuilder padding = new StringBuilder();
        long at = 1;
        for (int i = 0; i < line.length(); i++) {
            boolean tab = line.charAt(i) == '\t';
            long next = tab ? ((at - 1) / TAB_WIDTH + 1) * TAB_WIDTH + 1 : at + 1;
            if (next > column) {
                break;
            }
            padding.append(tab ? '\t' : ' ');
            at = next;
        }
        return padding.append('^').toString();
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
