package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sentence a student reads for a failed assertion is the test's own, without JUnit's echo. */
class FailuresTest {
    @Test
    void assertTrueAndAssertFalseSayOnlyTheTestsMessage() {
        assertEquals("gamma_bn2 should start as ones", Failures.describe(assertThrows(AssertionError.class,
                () -> assertTrue(false, "gamma_bn2 should start as ones"))));
        assertEquals("beta_bn2 should not be a node", Failures.describe(assertThrows(AssertionError.class,
                () -> assertFalse(true, "beta_bn2 should not be a node"))));
    }

    @Test
    void otherAssertionsKeepWhatWasExpectedAndSeen() {
        assertEquals("shape of forward's output ==> expected: <(4x1)> but was: <(1x1)>", Failures.describe(
                assertThrows(AssertionError.class, () -> assertEquals("(4x1)", "(1x1)", "shape of forward's output"))));
    }

    @Test
    void anAssertionWithoutAMessageSaysSo() {
        assertEquals("assertion failed", Failures.describe(assertThrows(AssertionError.class, () -> assertTrue(false))));
    }
}
