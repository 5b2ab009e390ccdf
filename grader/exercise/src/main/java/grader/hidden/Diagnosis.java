package grader.hidden;

import autodiff.Matrix;
import grader.rubric.LikelyCause;
import grader.rubric.Diagnoses;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Turns a wrong result into a sentence a student can act on: when the result matches what a known
 * wrong formula would give, the failure names that misconception instead of printing two matrices.
 * A failure that names a {@link Misconception} is a {@link Diagnosed} error; {@link Reporter} publishes its
 * id as a report entry, which is how the grader counts misconceptions across a class.
 */
final class Diagnosis {
    /** Tolerance for "this result is what that mistake would give". */
    private static final double SUSPECT_TOLERANCE = 1e-6;
    private static final int SHOWN_ENTRIES = 5;

    /** A known mistake and the result it would produce on the same input; {@code cause} is what the student reads. */
    record Suspect(Misconception misconception, String cause, Matrix wouldGive) {}

    /** What the student reads about a failure, and the misconception it names (null for a generic hint). */
    record Cause(String text, Misconception misconception) {}

    /** An assertion failure whose cause is a known misconception. */
    static final class Diagnosed extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final transient Misconception misconception;

        Diagnosed(Misconception misconception, String message, Throwable cause) {
            super(message, cause);
            this.misconception = misconception;
        }
    }

    /** Registered on every hidden test class: publishes the misconception of a {@link Diagnosed} failure. */
    static final class Reporter implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            if (thrown instanceof Diagnosed diagnosed && diagnosed.misconception != null) {
                context.publishReportEntry(Map.of(Diagnoses.ID_KEY, diagnosed.misconception.id(),
                        Diagnoses.DESCRIPTION_KEY, diagnosed.misconception.description()));
            }
            throw thrown;
        }
    }

    private Diagnosis() {}

    /** Fails with {@code message}, naming {@code misconception} (may be null) for the class report. */
    static void fail(Misconception misconception, String message) {
        throw failure(misconception, message, null);
    }

    /** The failure to throw when {@code cause}, thrown by the student's code, is the evidence. */
    static AssertionError failure(Misconception misconception, String message, Throwable cause) {
        return new Diagnosed(misconception, message, cause);
    }

    /** Like {@code assertTrue}, naming {@code misconception} when {@code condition} is false. */
    static void check(boolean condition, Misconception misconception, String message) {
        if (!condition) {
            fail(misconception, message);
        }
    }

    /**
     * Passes when {@code actual} is within {@code tolerance} of {@code expected}; otherwise fails with
     * what was expected, what was seen, and the first suspect that explains it (or {@code hint}).
     */
    static void assertClose(String what, Matrix expected, Matrix actual, double tolerance, String hint,
                            Suspect... suspects) {
        if (!actual.allClose(expected, tolerance)) {
            assertCloseBecause(what, expected, actual, tolerance, likelyCause(actual, hint, suspects));
        }
    }

    /** Like {@link #assertClose}, with the cause already worked out by the caller. */
    static void assertCloseBecause(String what, Matrix expected, Matrix actual, double tolerance, Cause cause) {
        if (!actual.allClose(expected, tolerance)) {
            fail(cause.misconception(), what + ": expected " + brief(expected) + ", got " + brief(actual) + ". " + cause.text());
        }
    }

    /** The cause of the first suspect whose result matches {@code actual}, else {@code hint}. */
    static Cause likelyCause(Matrix actual, String hint, Suspect... suspects) {
        if (!allFinite(actual)) {
            return new Cause("It contains NaN or infinity: " + hint, null);
        }
        for (Suspect suspect : suspects) {
            if (suspect.wouldGive() != null && actual.allClose(suspect.wouldGive(), SUSPECT_TOLERANCE)) {
                return new Cause(LikelyCause.of(suspect.cause()), suspect.misconception());
            }
        }
        return new Cause(hint, null);
    }

    static boolean allFinite(Matrix m) {
        for (double v : m.toRowMajor()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The shape and the first few entries, short enough for a test report. */
    static String brief(Matrix m) {
        double[] values = m.toRowMajor();
        StringBuilder out = new StringBuilder(m.shape()).append(" [");
        for (int i = 0; i < Math.min(SHOWN_ENTRIES, values.length); i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        return out.append(values.length > SHOWN_ENTRIES ? ", ...]" : "]").toString();
    }

    /**
     * A number for a failure message. Like {@link #brief}, build the message only once its check has failed: a
     * test JVM's first few dozen %g cost it about 10 ms of processor time (75 calls, JDK 17, the test JVM's
     * options), which a correct submission's tests need not pay.
     */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
