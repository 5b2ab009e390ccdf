package grader.hidden;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Test-scope harness: a variant of the solution's Model.java (a mutant or the stubs), compiled with
 * javax.tools against the autodiff classes and loaded child-first together with the hidden tests, so
 * the tests link to this variant instead of the solution on the classpath.
 */
final class MutantBuild {
    static final Path SOLUTION_SOURCES = Path.of("..", "solution", "src", "main", "java", "batchnorm");
    private static final Pattern SOLUTION_BLOCK =
            Pattern.compile("[ \\t]*// BEGIN SOLUTION\\R(.*?)[ \\t]*// END SOLUTION\\R", Pattern.DOTALL);
    private static final Pattern STUB_LINE = Pattern.compile("([ \\t]*)// STUB: (.*)");

    private MutantBuild() {}

    static String solutionModel() {
        try {
            return Files.readString(SOLUTION_SOURCES.resolve("Model.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The solution with each search/replace patch applied; each search text must occur exactly once. */
    static String patched(List<MutantCatalogue.Patch> patches) {
        String source = solutionModel();
        for (MutantCatalogue.Patch patch : patches) {
            int at = source.indexOf(patch.find());
            if (at < 0 || source.indexOf(patch.find(), at + 1) >= 0) {
                throw new IllegalArgumentException("the patch text must occur exactly once in Model.java: " + patch.find());
            }
            source = source.substring(0, at) + patch.replace() + source.substring(at + patch.find().length());
        }
        return source;
    }

    /** The student's version: every solution block replaced by its STUB lines (a simple stand-in for the generator). */
    static String stubs() {
        Matcher block = SOLUTION_BLOCK.matcher(solutionModel());
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            StringBuilder stub = new StringBuilder();
            Matcher line = STUB_LINE.matcher(block.group(1));
            while (line.find()) {
                stub.append(line.group(1)).append(line.group(2)).append('\n');
            }
            block.appendReplacement(out, Matcher.quoteReplacement(stub.toString()));
        }
        block.appendTail(out);
        return out.toString();
    }

    /** Compiles this Model.java with the given Layer and BatchNorm into a temp folder and loads it child-first. */
    static ClassLoader load(String modelSource) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "mutants")), "variant");
            Path sources = Files.createDirectories(dir.resolve("src/batchnorm"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Files.writeString(sources.resolve("Model.java"), modelSource);
            Files.copy(SOLUTION_SOURCES.resolve("Layer.java"), sources.resolve("Layer.java"));
            Files.copy(SOLUTION_SOURCES.resolve("BatchNorm.java"), sources.resolve("BatchNorm.java"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            String[] arguments = {"-proc:none", "--release", "17", "-d", classes.toString(),
                    "-cp", location(autodiff.Matrix.class).toString(),
                    sources.resolve("Model.java").toString(), sources.resolve("Layer.java").toString(),
                    sources.resolve("BatchNorm.java").toString()};
            if (compiler.run(null, messages, messages, arguments) != 0) {
                throw new IllegalStateException("the variant of Model.java does not compile:\n" + messages);
            }
            return new ChildFirst(new URL[] {classes.toUri().toURL(), location(grader.rubric.Points.class).toUri().toURL()},
                    MutantBuild.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@code batchnorm.*} and {@code grader.hidden.*} itself; everything else from its parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) throws MalformedURLException {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("batchnorm.") && !name.startsWith("grader.hidden.")) {
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
    }
}
