package grader.harness;

import grader.report.PlannedTest;
import grader.rubric.Points;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;

/**
 * Lists the hidden tests, the methods of the hidden package annotated with {@link Points}, in the order
 * the child runs them (class name, then method name). Classes are loaded without being initialised, so
 * no test or student code runs in the parent.
 */
public final class TestCatalog {
    private TestCatalog() {}

    /** @param loader sees the hidden tests and a compiled {@code batchnorm} package (their signatures use it) */
    public static List<PlannedTest> discover(ClassLoader loader, String hiddenPackage) throws ClassNotFoundException {
        List<PlannedTest> plan = new ArrayList<>();
        for (String className : classNames(loader, hiddenPackage)) {
            Class<?> type = Class.forName(className, false, loader);
            for (Method method : type.getDeclaredMethods()) {
                Points points = method.getAnnotation(Points.class);
                if (points == null) {
                    continue;
                }
                DisplayName displayName = method.getAnnotation(DisplayName.class);
                plan.add(new PlannedTest(className, method.getName(),
                        displayName == null ? method.getName() : displayName.value(), points.value(), points.hint(),
                        points.exercise(), points.visibility()));
            }
        }
        plan.sort(Comparator.comparing(PlannedTest::className).thenComparing(PlannedTest::methodName));
        return Collections.unmodifiableList(plan);
    }

    /** Binary names of the classes in the package, from folders and jars of the class path. */
    private static TreeSet<String> classNames(ClassLoader loader, String packageName) {
        String folder = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                if (url.getProtocol().equals("jar")) {
                    JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                    jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0)
                            .forEach(name -> addClass(names, name));
                } else if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(file -> addClass(names, folder + "/" + file.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the hidden tests in " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the hidden tests in " + packageName, e);
        }
        return names;
    }

    private static void addClass(TreeSet<String> names, String resourceName) {
        if (resourceName.endsWith(".class") && !resourceName.endsWith("module-info.class")
                && !resourceName.endsWith("package-info.class")) {
            names.add(resourceName.substring(0, resourceName.length() - ".class".length()).replace('/', '.'));
        }
    }
}
