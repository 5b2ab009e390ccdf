package grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import autodiff.Matrix;
import grader.rubric.LikelyCause;
import java.util.Locale;

/**
 * Turns a wrong result into a sentence a student can act on: when the result matches what a known
 * wrong formula would give, the failure names that misconception instead of printing two matrices.
 */
final class Diagnosis {
    /** Tolerance for "this result is what that mistake would give". */
    private static final double SUSPECT_TOLERANCE = 1e-6;
    private static final int SHOWN_ENTRIES = 5;

    /** A known mistake and the result it would produce on the same input. */
    record Suspect(String cause, Matrix wouldGive) {}

    private Diagnosis() {}

    /**
     * Passes when {@code actual} is within {@code tolerance} of {@code expected}; otherwise fails with
     * what was expected, what was seen, and the first suspect that explains it (or {@code hint}).
     */
    static void assertClose(String what, Matrix expected, Matrix actual, double tolerance, String hint,
                            Suspect... suspects) {
        if (!actual.allClose(expected, tolerance)) {
            fail(what + ": expected " + brief(expected) + ", got " + brief(actual) + ". " + likelyCause(actual, hint, suspects));
        }
    }

    /** Like {@link #assertClose}, with the cause already worked out by the caller. */
    static void assertCloseBecause(String what, Matrix expected, Matrix actual, double tolerance, String cause) {
        if (!actual.allClose(expected, tolerance)) {
            fail(what + ": expected " + brief(expected) + ", got " + brief(actual) + ". " + cause);
        }
    }

    /** The cause of the first suspect whose result matches {@code actual}, else {@code hint}. */
    static String likelyCause(Matrix actual, String hint, Suspect... suspects) {
        if (!allFinite(actual)) {
            return "It contains NaN or infinity: " + hint;
        }
        for (Suspect suspect : suspects) {
            if (suspect.wouldGive() != null && actual.allClose(suspect.wouldGive(), SUSPECT_TOLERANCE)) {
                return LikelyCause.of(suspect.cause());
            }
        }
        return hint;
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

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
