package grader.hidden;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import grader.rubric.Points;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Test-scope harness: runs the hidden tests in-process with the JUnit Platform launcher, loading them
 * (and so the {@code batchnorm} classes they link to) through a given class loader. The real grader
 * runs them in an isolated child JVM; this only checks the tests themselves.
 */
final class HiddenTestRun {
    /** The outcome of one run: each test id with its failure message (null when it passed), and the points. */
    record Outcome(Map<String, String> failures, Map<String, Boolean> passed, Map<String, Long> millisPerTest,
                   double score, double maxScore, long millis) {
        List<String> failedIds() {
            return new ArrayList<>(failures.keySet());
        }
    }

    private HiddenTestRun() {}

    /** The hidden test classes' names, read from the folder or jar the grader's classes come from. */
    static List<String> classNames() {
        try {
            Path root = Path.of(Points.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.list(root.resolve("grader/hidden"))) {
                return files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith("Test.class"))
                        .map(f -> "grader.hidden." + f.substring(0, f.length() - ".class".length()))
                        .sorted()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every test method's rubric entry, keyed by its id {@code ClassSimpleName#methodName}. */
    static Map<String, Points> rubric(ClassLoader loader) {
        Map<String, Points> rubric = new TreeMap<>();
        for (Class<?> type : classes(loader)) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    rubric.put(type.getSimpleName() + "#" + method.getName(), method.getAnnotation(Points.class));
                }
            }
        }
        return rubric;
    }

    static Outcome run(ClassLoader loader) {
        Map<String, Points> rubric = rubric(loader);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes(loader).stream().map(c -> selectClass(c)).toList())
                .build();
        Map<String, String> failures = new TreeMap<>();
        Map<String, Boolean> passed = new TreeMap<>();
        Map<String, Long> millisPerTest = new TreeMap<>();
        Map<String, Long> started = new TreeMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                started.put(test.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource source) {
                    String className = source.getClassName();
                    String id = className.substring(className.lastIndexOf('.') + 1) + "#" + source.getMethodName();
                    boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                    passed.put(id, ok);
                    millisPerTest.put(id, (System.nanoTime() - started.get(test.getUniqueId())) / 1_000_000);
                    if (!ok) {
                        failures.put(id, result.getThrowable().map(String::valueOf).orElse("failed"));
                    }
                }
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        long start = System.nanoTime();
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            thread.setContextClassLoader(previous);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        double max = rubric.values().stream().mapToDouble(Points::value).sum();
        double score = rubric.entrySet().stream()
                .filter(e -> passed.getOrDefault(e.getKey(), false))
                .mapToDouble(e -> e.getValue().value()).sum();
        return new Outcome(failures, passed, millisPerTest, score, max, millis);
    }

    private static List<Class<?>> classes(ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
