package grader.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one child-first loader: the compiled variant's {@code batchnorm} classes, and the tests that link to
 * them (the hidden tests, or the students' self-checks), are defined here; everything else comes from the
 * parent. {@code batchnorm} classes are never taken from the parent, so a solution on the class path
 * cannot stand in for the student's code.
 */
public final class SubmissionClassLoader extends ClassLoader {
    private static final String STUDENT_PACKAGE = "batchnorm.";

    static {
        registerAsParallelCapable();
    }

    private final Path submissionClasses;
    private final List<String> testPrefixes;

    /**
     * @param testPrefixes binary-name prefixes of the test classes, e.g. {@code grader.hidden.}: read from the
     *                     parent's class path but defined here, so that they link to the variant
     */
    public SubmissionClassLoader(Path submissionClasses, List<String> testPrefixes, ClassLoader parent) {
        super("submission", parent);
        this.submissionClasses = submissionClasses;
        this.testPrefixes = List.copyOf(testPrefixes);
    }

    /** The loader for the hidden tests of {@code hiddenPackage}. */
    public static SubmissionClassLoader forHiddenTests(Path submissionClasses, String hiddenPackage, ClassLoader parent) {
        return new SubmissionClassLoader(submissionClasses, List.of(hiddenPackage + "."), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (testPrefixes.stream().anyMatch(name::startsWith)) {
                    loaded = define(name, getParent().getResourceAsStream(classFile(name)));
                } else if (name.startsWith(STUDENT_PACKAGE)) {
                    loaded = define(name, studentClass(name));
                } else {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private InputStream studentClass(String name) throws ClassNotFoundException {
        Path file = submissionClasses.resolve(classFile(name));
        try {
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private Class<?> define(String name, InputStream bytes) throws ClassNotFoundException {
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        try (bytes) {
            byte[] code = bytes.readAllBytes();
            return defineClass(name, code, 0, code.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }
}
