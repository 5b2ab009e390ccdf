package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.harness.VariantHarness;
import grader.mutants.Mutant;
import grader.mutants.MutantCatalog;
import grader.report.PlannedTest;
import grader.rubric.Diagnoses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mutant of the catalog loses exactly the hidden tests it lists, and never full marks; the stubs
 * score zero. Runs the hidden tests in-process; the grader's selfcheck repeats this through the isolated
 * runner and the shipped jar.
 */
class MutantCatalogTest {
    // mvn -pl grader/exercise -am test -Dtest=MutantCatalogTest -Dmutants.verbose=true -Dsurefire.failIfNoSpecifiedTests=false
    // prints every failure message a mutant gets, to review what students would read.
    private static final List<Mutant> CATALOG = bundledCatalog();

    @TempDir
    static Path work;
    /** One warm compiler for the solution, the stubs and every mutant. */
    private static VariantHarness harness;
    /** Each mutant graded once, for both the tests it loses and the misconceptions it triggers. */
    private static final Map<String, HiddenTests> RUNS = new HashMap<>();

    @BeforeAll
    static void startTheHarness() throws IOException {
        harness = new VariantHarness(work);
    }

    private static HiddenTests graded(Mutant mutant) throws IOException, Mutant.BadPatchException {
        HiddenTests run = RUNS.get(mutant.name());
        if (run == null) {
            run = HiddenTests.against(harness, mutant.apply(HiddenTests.KIT.solutionModel()));
            RUNS.put(mutant.name(), run);
        }
        return run;
    }

    private static List<Mutant> bundledCatalog() {
        try {
            return MutantCatalog.bundled().orElseThrow(() -> new AssertionError("no " + MutantCatalog.RESOURCE + " bundled"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCatalogHasAtLeastTwelveMutantsWithDistinctNamesAndKnownTests() throws IOException {
        assertTrue(CATALOG.size() >= 12, "at least 12 mutants, got " + CATALOG.size());
        Set<String> ids = HiddenTests.against(harness, HiddenTests.KIT.solutionModel()).plan().stream()
                .map(PlannedTest::id).collect(Collectors.toSet());
        Set<String> names = new TreeSet<>();
        for (Mutant mutant : CATALOG) {
            assertTrue(names.add(mutant.name()), "duplicate mutant name " + mutant.name());
            assertTrue(!mutant.mustFail().isEmpty(), mutant.name() + " lists no test that catches it");
            assertTrue(ids.containsAll(mutant.mustFail()), mutant.name() + " lists unknown tests: " + mutant.mustFail());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachMutantLosesExactlyTheTestsItLists() {
        return CATALOG.stream().map(mutant -> DynamicTest.dynamicTest(mutant.name(), () -> {
            HiddenTests run = graded(mutant);
            System.out.println("mutant " + mutant.name() + " score=" + run.score() + " failed=" + run.failedIds());
            if (Boolean.getBoolean("mutants.verbose")) {
                run.results().stream().filter(result -> !result.passed())
                        .forEach(result -> System.out.println("    " + result.id() + ": " + result.describe()));
            }
            assertEquals(new TreeSet<>(mutant.mustFail()), new TreeSet<>(run.failedIds()),
                    mutant.name() + ": the failing tests differ from mustFail");
            assertTrue(run.score() < run.maxScore(), mutant.name() + " gets full marks");
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachMutantTriggersExactlyTheDiagnosesItLists() {
        return CATALOG.stream().map(mutant -> DynamicTest.dynamicTest(mutant.name(), () -> {
            HiddenTests run = graded(mutant);
            Set<String> named = run.results().stream().filter(result -> result.misconception() != null)
                    .map(result -> result.misconception().id()).collect(Collectors.toCollection(TreeSet::new));
            System.out.println("mutant " + mutant.name() + " diagnoses=" + named);
            assertEquals(new TreeSet<>(mutant.diagnoses()), named, mutant.name() + ": the misconceptions its failures name"
                    + " differ from diagnoses in " + MutantCatalog.RESOURCE);
        }));
    }

    @Test
    void everyDiagnosisHasADistinctWellFormedIdAndADescription() {
        Set<String> ids = new TreeSet<>();
        for (Misconception misconception : Misconception.values()) {
            assertTrue(Diagnoses.isId(misconception.id()), misconception + ": malformed id " + misconception.id());
            assertTrue(ids.add(misconception.id()), "duplicate id " + misconception.id());
            assertTrue(!misconception.description().isBlank() && misconception.description().length() <= Diagnoses.MAX_DESCRIPTION_LENGTH
                    && misconception.description().lines().count() == 1, misconception + ": the description must be one short line");
        }
        for (Mutant mutant : CATALOG) {
            assertTrue(ids.containsAll(mutant.diagnoses()), mutant.name() + " lists unknown diagnoses: " + mutant.diagnoses());
        }
    }

    @Test
    void theStubsScoreZero() throws IOException {
        String stub = HiddenTests.KIT.studentStub().orElseThrow(() -> new AssertionError("no student stub bundled"));
        HiddenTests run = HiddenTests.against(harness, stub);
        assertEquals(0.0, run.score(), "stubs pass: " + run.results());
        assertEquals(run.plan().size(), run.failedIds().size(), "every hidden test fails on the stubs");
    }
}
