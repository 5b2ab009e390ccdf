package kit.selfcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads every class of package {@code batchnorm} from the given folders, in order, and nothing else:
 * so the self-checks run against the freshly compiled stubs (or a mutant) rather than the solution on
 * the class path, while JUnit and autodiff stay shared with the test that runs them.
 */
final class BatchnormClassLoader extends ClassLoader {
    private final List<Path> folders;

    BatchnormClassLoader(List<Path> folders, ClassLoader parent) {
        super(parent);
        this.folders = folders;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("batchnorm.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        for (Path folder : folders) {
            Path classFile = folder.resolve(file);
            if (Files.exists(classFile)) {
                try {
                    byte[] bytes = Files.readAllBytes(classFile);
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new ClassNotFoundException(name + " in " + folders);
    }
}
