package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each mutant of the catalogue loses exactly the hidden tests it lists, and never full marks; the
 * stubs score zero. Runs the hidden tests in-process; the grader's selfcheck repeats this through the
 * isolated runner.
 */
class MutantCatalogueTest {
    // mvn -pl grader -am test -Dtest=MutantCatalogueTest -Dmutants.verbose=true -Dsurefire.failIfNoSpecifiedTests=false
    // prints every failure message a mutant gets, to review what students would read.
    private static final MutantCatalogue CATALOGUE = MutantCatalogue.load();

    @Test
    void theCatalogueHasAtLeastTwelveMutantsWithDistinctNamesAndKnownTests() {
        assertTrue(CATALOGUE.mutants().size() >= 12, "at least 12 mutants, got " + CATALOGUE.mutants().size());
        Set<String> names = new TreeSet<>();
        Set<String> ids = HiddenTestRun.rubric(getClass().getClassLoader()).keySet();
        for (MutantCatalogue.Mutant mutant : CATALOGUE.mutants()) {
            assertTrue(names.add(mutant.name()), "duplicate mutant name " + mutant.name());
            assertTrue(!mutant.mustFail().isEmpty(), mutant.name() + " lists no test that catches it");
            assertTrue(ids.containsAll(mutant.mustFail()), mutant.name() + " lists unknown tests: " + mutant.mustFail());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachMutantLosesExactlyTheTestsItLists() {
        return CATALOGUE.mutants().stream().map(mutant -> DynamicTest.dynamicTest(mutant.name(), () -> {
            HiddenTestRun.Outcome outcome = HiddenTestRun.run(MutantBuild.load(MutantBuild.patched(mutant.patches())));
            System.out.println("mutant " + mutant.name() + " score=" + outcome.score() + " ms=" + outcome.millis()
                    + " failed=" + outcome.failedIds());
            if (Boolean.getBoolean("mutants.verbose")) {
                outcome.failures().forEach((id, message) -> System.out.println("    " + id + ": " + message));
            }
            assertEquals(new TreeSet<>(mutant.mustFail()), new TreeSet<>(outcome.failedIds()),
                    mutant.name() + ": the failing tests differ from mustFail");
            assertTrue(outcome.score() < outcome.maxScore(), mutant.name() + " gets full marks");
        }));
    }

    @Test
    void theStubsScoreZero() {
        HiddenTestRun.Outcome outcome = HiddenTestRun.run(MutantBuild.load(MutantBuild.stubs()));
        assertEquals(0.0, outcome.score(), "stubs pass: " + outcome.passed());
        assertEquals(outcome.passed().size(), outcome.failures().size());
    }
}
