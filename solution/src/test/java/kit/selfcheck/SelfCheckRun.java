package kit.selfcheck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import autodiff.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.knowm.xchart.XYChart;

/**
 * Compiles a version of the {@code batchnorm} sources (the stubs, or a mutant of the solution) and
 * runs the students' self-checks ({@code batchnorm.SelfCheckTest}, compiled into this module's test
 * classes from student/src/test/java) against it with the JUnit Platform launcher.
 */
final class SelfCheckRun {
    /** One self-check's result: its nested class (e.g. "Exercise2"), its method, and its failure message. */
    record Outcome(String exercise, String check, boolean passed, Throwable failure) {}

    private SelfCheckRun() {}

    /** Compiles {@code sources} (file name to content) into {@code workFolder} and runs all the self-checks on them. */
    static List<Outcome> against(Map<String, String> sources, Path workFolder) throws IOException {
        return against(sources, workFolder, null);
    }

    /**
     * Like {@link #against(Map, Path)}, but runs only {@code check}, written as "Exercise2.methodName",
     * or every check when it is null.
     */
    static List<Outcome> against(Map<String, String> sources, Path workFolder, String check) throws IOException {
        Path classes = compile(sources, workFolder);
        ClassLoader loader = new BatchnormClassLoader(List.of(classes, location(SelfCheckRun.class)),
                SelfCheckRun.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> selfChecks = loader.loadClass("batchnorm.SelfCheckTest");
            DiscoverySelector selector = check == null ? selectClass(selfChecks)
                    : selectNestedMethod(List.of(selfChecks), loader.loadClass("batchnorm.SelfCheckTest$" + check.split("\\.")[0]),
                            check.split("\\.")[1]);
            List<Outcome> outcomes = new ArrayList<>();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selector).build(),
                    new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
                                String nested = method.getClassName().substring(method.getClassName().indexOf('$') + 1);
                                outcomes.add(new Outcome(nested, method.getMethodName(),
                                        result.getStatus() == TestExecutionResult.Status.SUCCESSFUL,
                                        result.getThrowable().orElse(null)));
                            }
                        }
                    });
            return outcomes;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the self-checks were not compiled into this module's test classes", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Path compile(Map<String, String> sources, Path workFolder) throws IOException {
        Path sourceFolder = Files.createDirectories(workFolder.resolve("src/batchnorm"));
        Path classes = Files.createDirectories(workFolder.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            files.add(Files.writeString(sourceFolder.resolve(source.getKey()), source.getValue()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
            String classPath = location(Matrix.class) + java.io.File.pathSeparator + location(XYChart.class);
            boolean compiled = compiler.getTask(null, fileManager, diagnostics,
                    List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d", classes.toString()), null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new AssertionError("the batchnorm sources do not compile:\n" + diagnostics.getDiagnostics().stream()
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
        }
        return classes;
    }

    /** The folder or jar a class was loaded from. */
    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
