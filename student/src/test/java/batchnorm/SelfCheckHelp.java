package batchnorm;

import static org.junit.jupiter.api.Assertions.fail;

import autodiff.Matrix;
import java.util.function.Supplier;

/**
 * Failure messages of the self-checks, written for a student: what was expected, what was seen, the
 * likely cause and where to read. Stubs and exceptions become messages, not bare stack traces.
 */
final class SelfCheckHelp {
    /** The exercises that have self-checks, with the section of exercises.md that explains each. */
    enum Exercise {
        TWO(2, "exercises.md#exercise-2-batch-norm-forward"),
        THREE(3, "exercises.md#exercise-3-running-averages-and-the-train-flag"),
        FOUR(4, "exercises.md#exercise-4-gradient-descent");

        final int number;
        final String section;

        Exercise(int number, String section) {
            this.number = number;
            this.section = section;
        }
    }

    private SelfCheckHelp() {}

    /** Fails with what was seen, its likely cause and the section to read. */
    static AssertionError failure(Exercise exercise, String seen, String likelyCause) {
        return fail(seen + "\n  Likely cause: " + likelyCause + "\n  Read: " + exercise.section);
    }

    /**
     * Runs a call into the student's code. A stub's "Exercise N is not implemented yet" becomes the
     * failure message as it is; any other exception becomes a message saying what was being done (with
     * the exception attached, so its trace still points to the line in Model.java).
     */
    static <T> T attempt(Exercise exercise, String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (UnsupportedOperationException e) {
            if (String.valueOf(e.getMessage()).contains("is not implemented yet")) {
                return fail(e.getMessage());
            }
            return fail(unexpected(exercise, doing, e), e);
        } catch (RuntimeException e) {
            return fail(unexpected(exercise, doing, e), e);
        }
    }

    private static String unexpected(Exercise exercise, String doing, RuntimeException e) {
        return "Model threw " + e.getClass().getSimpleName() + " while " + doing + ": " + e.getMessage()
                + "\n  Likely cause: a bug in Model.java; the first 'at batchnorm.Model' line of the trace below shows where."
                + "\n  Read: " + exercise.section;
    }

    /**
     * The parameter {@code key} of {@code model}, checked to be 1 x {@code fanIn}. A missing key means
     * the exercise that creates it has not been done yet.
     */
    static Matrix rowParameter(Model model, String key, int fanIn, Exercise exercise) {
        Matrix value = model.params.get(key);
        if (value == null) {
            throw failure(exercise, "Exercise " + exercise.number + " is not implemented yet: params has no key '" + key
                            + "' (the keys are " + model.params.keySet() + ").",
                    "batchNorm(fanIn, name) must put '" + key + "' into params, spelled exactly like this.");
        }
        if (value.rows() != 1 || value.cols() != fanIn) {
            throw failure(exercise, "params['" + key + "'] has shape " + value.shape() + ", expected (1x" + fanIn + ").",
                    "one value per feature, as a single row: Matrix.ones(1, fanIn) or Matrix.zeros(1, fanIn).");
        }
        return value;
    }

    /** Population standard deviation of each column, 1 x cols (divides by n, like batch norm). */
    static Matrix columnStd(Matrix x) {
        return x.variance(0).map(Math::sqrt);
    }

    static boolean near(double actual, double expected, double tolerance) {
        return Math.abs(actual - expected) <= tolerance;
    }
}
