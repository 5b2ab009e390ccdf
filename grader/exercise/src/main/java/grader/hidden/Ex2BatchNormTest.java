package grader.hidden;

import static grader.hidden.BatchNormMath.abs;
import static grader.hidden.BatchNormMath.mean;
import static grader.hidden.BatchNormMath.normal;
import static grader.hidden.BatchNormMath.std;
import static org.junit.jupiter.api.Assertions.fail;

import autodiff.GradCheck;
import autodiff.Matrix;
import autodiff.Node;
import batchnorm.Model;
import grader.hidden.Diagnosis.Suspect;
import grader.rubric.LikelyCause;
import grader.rubric.Points;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exercise 2: gamma and beta in params, and batch norm's training-mode output and gradient. */
@DisplayName("Exercise 2: batch norm forward")
@ExtendWith(Diagnosis.Reporter.class)
public class Ex2BatchNormTest {
    private static final double STAT_TOLERANCE = 1e-5;
    private static final String READ = " (exercises.md#exercise-2-batch-norm-forward)";

    @Test
    @DisplayName("gamma and beta of bn1 and bn2 are in params with shape 1 x fanIn")
    @Points(value = 4, exercise = 2, hint = "batchNorm must put gamma_<name> and beta_<name>, both 1 x fanIn, into params")
    void gammaAndBetaAreRegisteredForBothLayers() {
        Model model = new Model(0);
        String where = "batchNorm(fanIn, name) must put it into params" + READ;
        Params.require(model, "gamma_bn1", 1, 20, where);
        Params.require(model, "beta_bn1", 1, 20, where);
        Params.require(model, "gamma_bn2", 1, 10, where);
        Params.require(model, "beta_bn2", 1, 10, where);
    }

    @Test
    @DisplayName("gamma starts at ones and beta at zeros")
    @Points(value = 3, exercise = 2, hint = "a new batch norm should pass the normalised value through unchanged: gamma ones, beta zeros")
    void gammaStartsAtOnesAndBetaAtZeros() {
        Model model = new Model(0);
        Matrix gamma = Params.require(model, "gamma_bn2", 1, 10, "batchNorm must register it" + READ);
        Matrix beta = Params.require(model, "beta_bn2", 1, 10, "batchNorm must register it" + READ);
        boolean isSwapped = gamma.equals(Matrix.zeros(1, 10)) && beta.equals(Matrix.ones(1, 10));
        String swapped = isSwapped ? " gamma holds zeros and beta ones: the two are swapped." : "";
        Misconception named = isSwapped ? Misconception.GAMMA_BETA_INITIALISED_SWAPPED : null;
        if (!gamma.equals(Matrix.ones(1, 10))) {
            Diagnosis.fail(named, "gamma_bn2 should start as ones, got " + Diagnosis.brief(gamma) + "." + swapped);
        }
        if (!beta.equals(Matrix.zeros(1, 10))) {
            Diagnosis.fail(named, "beta_bn2 should start as zeros, got " + Diagnosis.brief(beta) + "." + swapped);
        }
    }

    @Test
    @DisplayName("with gamma 1 and beta 0 each output feature has mean 0 and std 1")
    @Points(value = 5, exercise = 2, hint = "per feature (axis 0): subtract the batch mean, divide by sqrt(variance + EPSILON)")
    void outputIsStandardisedWithDefaultGammaAndBeta() {
        Model model = new Model(0);
        Matrix x = normal(100, 10, 5.0, 3.0, 21);
        Matrix out = trainingOutput(model, x);
        // Swapped starting values make the output look like swapped roles in the formula: name the real cause.
        boolean startsSwapped = Matrix.zeros(1, 10).equals(model.params.get("gamma_bn2"))
                && Matrix.ones(1, 10).equals(model.params.get("beta_bn2"));
        Diagnosis.check(!startsSwapped, Misconception.GAMMA_BETA_INITIALISED_SWAPPED, "a new bn2 should start with gamma 1 "
                + "and beta 0, but gamma_bn2 holds zeros and beta_bn2 ones: the two are swapped, so every output is 1.");
        assertStatistics(x, out, Matrix.zeros(1, 10), Matrix.ones(1, 10));
    }

    @Test
    @DisplayName("output mean equals beta and std equals |gamma| for random gamma (some negative) and beta, several batch sizes")
    @Points(value = 8, exercise = 2, hint = "multiply the normalised value by gamma, then add beta, both read from params")
    void meanEqualsBetaAndStdEqualsAbsGammaForRandomParameters() {
        Model model = new Model(0);
        Matrix gamma = normal(1, 10, 0.0, 2.0, 22).with(0, 0, -1.5).with(0, 1, -0.25);
        Matrix beta = normal(1, 10, 0.0, 3.0, 23);
        model.params.put("gamma_bn2", gamma);
        model.params.put("beta_bn2", beta);
        for (int batchSize : new int[] {2, 7, 64, 200}) {
            Matrix x = normal(batchSize, 10, 1.0, 2.0, 24 + batchSize);
            Matrix out = trainingOutput(model, x);
            assertStatistics(x, out, beta, gamma);
        }
    }

    /** bn2 in training mode; a shape error becomes a sentence about the axis of the statistics. */
    private static Matrix trainingOutput(Model model, Matrix x) {
        try {
            return model.bn2.apply(new Node(x), true).value();
        } catch (IllegalArgumentException e) {
            throw Diagnosis.failure(Misconception.STATISTICS_OVER_ROWS, "bn2.apply(x, true) on a " + x.shape() + " batch threw \"" + e.getMessage() + "\". A shape error here "
                    + "usually means the mean and variance were taken over each row (axis 1) instead of each feature "
                    + "(axis 0): both must be 1 x fanIn.", e);
        }
    }

    /** Mean = beta and std = |gamma| per feature; on failure, names the formula the output matches. */
    private static void assertStatistics(Matrix x, Matrix out, Matrix beta, Matrix gamma) {
        if (out.rows() != x.rows() || out.cols() != x.cols()) {
            fail("bn2 output has shape " + out.shape() + " for an input of shape " + x.shape()
                    + ": batch norm keeps the shape of its input");
        }
        String batch = " for a batch of " + x.rows() + " rows";
        Suspect[] suspects = Misconceptions.training(x, gamma, beta);
        Diagnosis.assertCloseBecause("per-feature mean of the output (should equal beta)" + batch, beta, mean(out),
                STAT_TOLERANCE, Diagnosis.likelyCause(out, "check that you subtract the batch mean per feature (axis 0) and add beta", suspects));
        Diagnosis.assertCloseBecause("per-feature std of the output (should equal |gamma|)" + batch, abs(gamma), std(out),
                STAT_TOLERANCE, Diagnosis.likelyCause(out, "check that you divide by the square root of the biased variance (divide by n) plus EPSILON, and multiply by gamma", suspects));
    }

    @Test
    @DisplayName("gradients with respect to the input, gamma and beta match finite differences")
    @Points(value = 7, exercise = 2, hint = "build batch norm from Node operations on x itself, and read gamma and beta as named nodes")
    void gradientMatchesFiniteDifferences() {
        Model model = new Model(0);
        Map<String, Matrix> inputs = new LinkedHashMap<>();
        inputs.put("x", normal(8, 10, 1.0, 2.0, 31));
        inputs.put("gamma_bn2", normal(1, 10, 0.5, 1.0, 32));
        inputs.put("beta_bn2", normal(1, 10, 0.0, 1.0, 33));
        GradCheck.Result result = GradCheck.check(nodes -> {
            model.params.put("gamma_bn2", nodes.get("gamma_bn2").value());
            model.params.put("beta_bn2", nodes.get("beta_bn2").value());
            return model.bn2.apply(nodes.get("x"), true);
        }, inputs, GradCheck.DEFAULT_STEP, 34);
        if (!result.passes(1e-6)) {
            String cause = switch (result.name()) {
                case "x" -> "the gradient with respect to the input is wrong while gamma and beta are right: compute the "
                        + "mean and variance with Node operations on x, not from x.value(), so the gradient flows through them.";
                default -> "the gradient of " + result.name() + " is wrong: read it from params as a node named \""
                        + result.name() + "\" each time the layer is applied, so grad() reports it.";
            };
            Diagnosis.fail(gradientMisconception(model, result.name(), inputs), "batch norm's gradient disagrees with "
                    + "finite differences: " + result + ". " + cause);
        }
    }

    /**
     * A wrong gradient of x names detached statistics only when the forward output is right; a wrong
     * formula breaks the gradient too, and its own test names it.
     */
    private static Misconception gradientMisconception(Model model, String name, Map<String, Matrix> inputs) {
        if (!name.equals("x")) {
            return Misconception.PARAMETER_NOT_A_NAMED_NODE;
        }
        Matrix x = inputs.get("x");
        model.params.put("gamma_bn2", inputs.get("gamma_bn2"));
        model.params.put("beta_bn2", inputs.get("beta_bn2"));
        Matrix expected = BatchNormMath.train(x, inputs.get("gamma_bn2"), inputs.get("beta_bn2"));
        return trainingOutput(model, x).allClose(expected, 1e-9) ? Misconception.STATISTICS_DETACHED : null;
    }

    @Test
    @DisplayName("adding a constant to each input feature leaves the output unchanged (why a bias before batch norm is redundant)")
    @Points(value = 4, exercise = 2, hint = "subtract the batch mean of each feature; a shift of the input then cancels out")
    void outputIsUnchangedByAddingAConstantToEachFeature() {
        Model model = new Model(0);
        Matrix x = normal(50, 10, 0.0, 1.0, 41);
        Matrix shift = normal(1, 10, 0.0, 10.0, 42);
        Matrix out = trainingOutput(model, x);
        Matrix shiftedOut = trainingOutput(model, x.add(shift));
        Diagnosis.assertClose("output after adding a constant to each feature", out, shiftedOut, 1e-8,
                "the output moved with the input: subtract the batch mean of each feature (axis 0) before dividing; "
                        + "this is also why a bias before batch norm is redundant (Exercise 1).");
    }

    @Test
    @DisplayName("a constant feature gives a finite output equal to beta (EPSILON in the square root)")
    @Points(value = 4, exercise = 2, hint = "add EPSILON to the variance before the square root, so a feature with variance 0 does not divide by zero")
    void constantFeatureGivesFiniteOutput() {
        Model model = new Model(0);
        Matrix beta = normal(1, 10, 0.0, 1.0, 51);
        model.params.put("beta_bn2", beta);
        Matrix x = normal(20, 10, 0.0, 1.0, 52);
        for (int row = 0; row < x.rows(); row++) {
            x = x.with(row, 3, 4.2);
        }
        Matrix out = trainingOutput(model, x);
        Diagnosis.check(Diagnosis.allFinite(out), Misconception.NO_EPSILON, "a feature with the same value in every row gave NaN or infinity: its variance is 0, "
                + "so add EPSILON to the variance before the square root.");
        for (int row = 0; row < x.rows(); row++) {
            double expected = beta.get(0, 3);
            double seen = out.get(row, 3);
            if (!(Math.abs(seen - expected) < 1e-6)) {
                Diagnosis.Cause cause = constantFeatureCause(seen, expected);
                Diagnosis.fail(cause.misconception(), "a constant feature should give beta (" + Diagnosis.number(expected)
                        + ") in every row, got " + Diagnosis.number(seen) + " in row " + row + ": after subtracting its mean it "
                        + "is 0, and 0 * gamma + beta = beta. " + cause.text());
            }
        }
    }

    /** Why a constant feature (gamma 1) gave {@code seen} instead of beta. */
    private static Diagnosis.Cause constantFeatureCause(double seen, double beta) {
        if (Math.abs(Math.abs(seen - beta) - 1.0) < 1e-6) {
            return new Diagnosis.Cause(LikelyCause.of("without EPSILON the tiny rounding error of its variance decides "
                    + "the output, here +-1: add EPSILON to the variance before the square root."), Misconception.NO_EPSILON);
        }
        if (Math.abs(seen) < 1e-6) {
            return new Diagnosis.Cause(LikelyCause.of("beta is missing: add beta after multiplying by gamma."),
                    Misconception.BETA_MISSING);
        }
        return new Diagnosis.Cause("Subtract the batch mean of each feature before dividing, and add EPSILON to the "
                + "variance before the square root.", null);
    }
}
