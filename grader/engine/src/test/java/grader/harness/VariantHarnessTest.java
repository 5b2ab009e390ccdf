package grader.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixture.Submissions;
import grader.report.PlannedTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one harness: compile a variant with the kit, load it child-first with its tests, run them in this JVM. */
class VariantHarnessTest {
    private static final List<String> PROBES = List.of("grader.fixture.");

    @TempDir
    Path work;

    @Test
    void theSolutionCompiledWithTheKitPassesEveryProbe() throws Exception {
        VariantHarness harness = new VariantHarness(work);
        ClassLoader loader = VariantHarness.load(
                harness.compile(VariantHarness.withGivenFiles(Submissions.KIT, Submissions.solution())), PROBES);
        List<PlannedTest> plan = TestCatalog.discover(loader, "grader.fixture");
        List<TestResult> results = VariantHarness.run(loader, plan.stream().map(PlannedTest::selector).toList());
        assertEquals(List.of("ProbeTest#probeOne", "ProbeTest#probeThree", "ProbeTest#probeTwo"),
                results.stream().map(TestResult::id).toList(), "one result per probe, in plan order");
        assertTrue(results.stream().allMatch(TestResult::passed), "the solution passes every probe: " + results);
    }

    @Test
    void theStubFailsEveryProbeWithItsExercisesMessage() throws Exception {
        VariantHarness harness = new VariantHarness(work);
        ClassLoader loader = VariantHarness.load(
                harness.compile(VariantHarness.withGivenFiles(Submissions.KIT, Submissions.stub())), PROBES);
        List<TestResult> results = VariantHarness.run(loader, List.of("grader.fixture.ProbeTest"));
        assertEquals(3, results.size(), "a class selector runs all its tests: " + results);
        for (TestResult result : results) {
            assertTrue(!result.passed() && result.failure() instanceof UnsupportedOperationException,
                    result.id() + " should fail on a stub: " + result.describe());
        }
    }

    @Test
    void aVariantThatDoesNotCompileIsRefusedWithTheCompilersMessage() throws IOException {
        VariantHarness harness = new VariantHarness(work);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> harness.compile(VariantHarness.withGivenFiles(Submissions.KIT, Submissions.named("compile-error"))));
        assertTrue(refused.getMessage().contains("Model.java:9: error: ';' expected"), refused.getMessage());
    }

    @Test
    void anErrorInTheKitsOwnFilesSaysThatModelNoLongerDeclaresWhatTheKitUses() throws IOException {
        VariantHarness harness = new VariantHarness(work);
        String withoutLoss = Submissions.solution().replace("public Node loss(", "public Node renamedLoss(");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> harness.compile(VariantHarness.withGivenFiles(Submissions.KIT, withoutLoss)));
        assertTrue(refused.getMessage().contains("Training.java is the kit's own code, compiled unchanged with your "
                + "Model.java: an error there means Model.java no longer declares what the kit uses."), refused.getMessage());
    }

    @Test
    void batchnormClassesNeverComeFromTheParentButTestsAreDefinedNextToTheVariant() throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-classes"));
        ClassLoader loader = VariantHarness.load(empty, PROBES);
        // This module's test classes hold a stand-in batchnorm.Model: it must not stand in for a submission.
        Class.forName("batchnorm.Model", false, getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("batchnorm.Model"));
        Class<?> probes = loader.loadClass("grader.fixture.ProbeTest");
        assertSame(loader, probes.getClassLoader(), "the tests are defined by the child-first loader");
        assertSame(String.class, loader.loadClass("java.lang.String"), "everything else comes from the parent");
    }
}
