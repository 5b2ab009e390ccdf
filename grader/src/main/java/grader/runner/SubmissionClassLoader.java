package grader.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the student's {@code batchnorm} classes from the compiled submission and the hidden tests (which
 * refer to them) itself; everything else comes from the parent. {@code batchnorm} classes are never taken
 * from the parent, so a solution on the class path cannot stand in for the student's code.
 */
public final class SubmissionClassLoader extends ClassLoader {
    private static final String STUDENT_PACKAGE = "batchnorm.";

    static {
        registerAsParallelCapable();
    }

    private final Path submissionClasses;
    private final String hiddenPrefix;

    public SubmissionClassLoader(Path submissionClasses, String hiddenPackage, ClassLoader parent) {
        super("submission", parent);
        this.submissionClasses = submissionClasses;
        this.hiddenPrefix = hiddenPackage + ".";
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(STUDENT_PACKAGE)) {
                    loaded = define(name, studentClass(name));
                } else if (name.startsWith(hiddenPrefix)) {
                    loaded = define(name, getParent().getResourceAsStream(classFile(name)));
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
