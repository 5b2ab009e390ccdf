package grader.hidden;

import grader.common.GraderConfig;
import grader.common.KitSources;
import grader.harness.TestCatalog;
import grader.harness.TestResult;
import grader.harness.VariantHarness;
import grader.report.PlannedTest;
import java.io.IOException;
import java.util.List;

/**
 * The hidden tests run in this JVM against a variant of the bundled solution, through the engine's one
 * harness: the grader runs the same tests the same way, in a child JVM.
 *
 * @param plan    the hidden tests as the rubric declares them, in run order
 * @param results how each ended, in the same order
 */
record HiddenTests(List<PlannedTest> plan, List<TestResult> results) {
    static final KitSources KIT = KitSources.bundled();
    private static final List<String> TESTS = List.of(GraderConfig.DEFAULT_HIDDEN_PACKAGE + ".");

    /** Compiles {@code model} with the kit's given files and runs every hidden test against it. */
    static HiddenTests against(VariantHarness harness, String model) throws IOException {
        ClassLoader loader = VariantHarness.load(harness.compile(VariantHarness.withGivenFiles(KIT, model)), TESTS);
        List<PlannedTest> plan = discover(loader);
        return new HiddenTests(plan, VariantHarness.run(loader, plan.stream().map(PlannedTest::selector).toList()));
    }

    private static List<PlannedTest> discover(ClassLoader loader) {
        try {
            return TestCatalog.discover(loader, GraderConfig.DEFAULT_HIDDEN_PACKAGE);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the hidden tests", e);
        }
    }

    /** Ids of the tests that did not pass, sorted. */
    List<String> failedIds() {
        return results.stream().filter(result -> !result.passed()).map(TestResult::id).sorted().toList();
    }

    /** Points of the tests that passed. */
    double score() {
        List<String> passed = results.stream().filter(TestResult::passed).map(TestResult::id).toList();
        return plan.stream().filter(test -> passed.contains(test.id())).mapToDouble(PlannedTest::points).sum();
    }

    double maxScore() {
        return plan.stream().mapToDouble(PlannedTest::points).sum();
    }
}
