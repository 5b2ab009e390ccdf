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
    void framesAreNamedAsTheStudentWroteTheCodeNotAsJavacNamesIt() {
        assertEquals("Model.trainingMode", Failures.readableName("Model", "trainingMode"));
        assertEquals("a lambda in Model.linear", Failures.readableName("Model", "lambda$linear$0"));
        assertEquals("method apply of an anonymous class in Model", Failures.readableName("Model$1", "apply"));
        assertEquals("Norm.apply", Failures.readableName("Model$1Norm", "apply"));
        assertEquals("Model.Stats.mean", Failures.readableName("Model$Stats", "mean"));
        assertEquals("the constructor of Model", Failures.readableName("Model", "<init>"));
        assertEquals("a lambda in method apply of an anonymous class in Model", Failures.readableName("Model$2", "lambda$apply$3"));
    }

    @Test
    void anExceptionInALambdaNamesTheMethodTheLambdaIsIn() {
        IllegalStateException thrown = new IllegalStateException("no gamma_bn2 in params");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("batchnorm.Model", "lambda$batchNorm$2", "Model.java", 71),
            new StackTraceElement("grader.hidden.Ex2BatchNormTest", "trainingOutput", "Ex2BatchNormTest.java", 90)});
        assertEquals("java.lang.IllegalStateException: no gamma_bn2 in params (at Model.java:71, in a lambda in "
                + "Model.batchNorm)", Failures.describe(thrown));
    }

    @Test
    void anAssertionWithoutAMessageSaysSo() {
        assertEquals("assertion failed", Failures.describe(assertThrows(AssertionError.class, () -> assertTrue(false))));
    }
}
