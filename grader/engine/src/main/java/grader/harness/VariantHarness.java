package grader.harness;

import grader.common.KitSources;
import grader.compile.Compilation;
import grader.compile.SourceCompiler;
import grader.submission.SubmissionLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles a variant of the exercise (the solution, a mutant, the stubs), loads it child-first together
 * with the tests that link to it, and runs them in this JVM: how the kit tests its own tests (the hidden
 * tests against every mutant, the students' self-checks against the stubs). The grader runs tests the
 * same way, with the same compiler, loader and launcher, but in a child JVM ({@code grader.runner}).
 */
public final class VariantHarness {
    private final Path scratch;
    private final SourceCompiler compiler;
    private final AtomicInteger variants = new AtomicInteger();

    /** @param scratch a folder this harness may fill with compiled variants */
    public VariantHarness(Path scratch) throws IOException {
        this.scratch = scratch;
        this.compiler = new SourceCompiler(scratch);
    }

    /** {@code model} as the grader compiles it: with the kit's given files. */
    public static Map<String, String> withGivenFiles(KitSources kit, String model) {
        Map<String, String> sources = new TreeMap<>(kit.given());
        sources.put(SubmissionLocator.MODEL_FILE, model);
        return sources;
    }

    /**
     * Compiles {@code sources} (file name to text, package {@code batchnorm}) against the autodiff classes,
     * without the static check: the kit's own variants are trusted. Returns the class folder.
     */
    public Path compile(Map<String, String> sources) throws IOException {
        Path classes = scratch.resolve("variant-" + variants.incrementAndGet());
        Compilation compilation = compiler.compile(sources, SubmissionLocator.MODEL_FILE, classes, false);
        if (!compilation.compiled()) {
            throw new IllegalStateException("the variant does not compile:\n" + String.join("\n", compilation.messages()));
        }
        return classes;
    }

    /** A loader for the compiled variant and the tests whose binary names start with one of {@code testPrefixes}. */
    public static ClassLoader load(Path classes, List<String> testPrefixes) {
        return new SubmissionClassLoader(classes, testPrefixes, VariantHarness.class.getClassLoader());
    }

    /**
     * Runs the selected tests (see {@link TestLauncher#request}) loaded through {@code loader}, in plan order.
     * A test class that fails as a whole is one result, with the method name {@code (class)}.
     */
    public static List<TestResult> run(ClassLoader loader, List<String> selectors) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            TestResults results = new TestResults();
            TestLauncher.create().execute(TestLauncher.request(loader, selectors), results);
            return results.all();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a selected test class is not on the class path: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
