package kit.selfcheck;

import grader.common.KitSources;
import grader.harness.TestResult;
import grader.harness.VariantHarness;
import grader.submission.SubmissionLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles a version of the {@code batchnorm} sources (the stubs, or a mistaken variant of the solution)
 * and runs the students' self-checks ({@code batchnorm.SelfCheckTest}, compiled into this module's test
 * classes from student/src/test/java) against it, through the grader's harness: the same compiler,
 * child-first loader and launcher that run the hidden tests.
 */
final class SelfCheckRun {
    private static final String SELF_CHECKS = "batchnorm.SelfCheckTest";
    /** The self-checks and their helpers; every other batchnorm class comes from the variant. */
    private static final List<String> SELF_CHECK_CLASSES = List.of("batchnorm.SelfCheck");

    /** One self-check's result: its nested class (e.g. "Exercise2"), its method, and its failure. */
    record Outcome(String exercise, String check, boolean passed, Throwable failure) {}

    private SelfCheckRun() {}

    /**
     * The files a submission is compiled with, from {@code sources} (file name to content, e.g. all of
     * solution/src/main/java/batchnorm): Model.java and the kit's given files. The demo's command line and
     * charts are left out: the self-checks never run them.
     */
    static Map<String, String> graded(Map<String, String> sources) {
        Map<String, String> graded = new TreeMap<>(sources);
        graded.keySet().retainAll(KitSources.GIVEN_FILES);
        graded.put(SubmissionLocator.MODEL_FILE, sources.get(SubmissionLocator.MODEL_FILE));
        return graded;
    }

    /** Compiles {@code sources} into {@code workFolder} and runs all the self-checks on them. */
    static List<Outcome> against(Map<String, String> sources, Path workFolder) throws IOException {
        return against(sources, workFolder, null);
    }

    /**
     * Like {@link #against(Map, Path)}, but runs only {@code check}, written as "Exercise2.methodName",
     * or every check when it is null.
     */
    static List<Outcome> against(Map<String, String> sources, Path workFolder, String check) throws IOException {
        VariantHarness harness = new VariantHarness(workFolder);
        ClassLoader loader = VariantHarness.load(harness.compile(graded(sources)), SELF_CHECK_CLASSES);
        String selector = check == null ? SELF_CHECKS
                : SELF_CHECKS + "$" + check.split("\\.")[0] + "#" + check.split("\\.")[1];
        return VariantHarness.run(loader, List.of(selector)).stream().map(SelfCheckRun::outcome).toList();
    }

    private static Outcome outcome(TestResult result) {
        String nested = result.className().substring(result.className().indexOf('$') + 1);
        return new Outcome(nested, result.methodName(), result.passed(), result.failure());
    }
}
