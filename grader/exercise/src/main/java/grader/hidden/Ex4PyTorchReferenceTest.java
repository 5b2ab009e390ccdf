package grader.hidden;

import static grader.hidden.BatchNormReference.row;
import static org.junit.jupiter.api.Assertions.assertTrue;

import autodiff.Matrix;
import autodiff.Node;
import batchnorm.BatchNorm;
import batchnorm.Model;
import grader.rubric.Points;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exercise 4: the submission's batch norm against reference numbers of PyTorch's {@code BatchNorm1d}
 * (eps 1e-8, momentum 0.1) on a 6 x 4 batch; see grader/fixtures/README.md for how they were made.
 */
@DisplayName("Exercise 4: agreement with PyTorch's BatchNorm1d")
@ExtendWith(Diagnosis.Reporter.class)
public class Ex4PyTorchReferenceTest {
    private static final BatchNormReference REFERENCE = BatchNormReference.load();
    private static final String NAME = "ref";
    /**
     * Far above rounding (about 1e-14) and far below any wrong formula. Leaving EPSILON out moves the
     * values by about 1e-8; Exercise 2's constant-feature test catches that, not these.
     */
    private static final double TOLERANCE = 1e-6;

    /** A model with an extra 4-feature batch norm named "ref", holding the reference gamma and beta. */
    private static BatchNorm referenceLayer(Model model) {
        BatchNorm layer = model.batchNorm(REFERENCE.features(), NAME);
        model.params.put("gamma_" + NAME, row(REFERENCE.gamma()));
        model.params.put("beta_" + NAME, row(REFERENCE.beta()));
        return layer;
    }

    @Test
    @DisplayName("training-mode output matches PyTorch")
    @Points(value = 3, exercise = 4, hint = "training mode: batch mean and biased variance per feature, then gamma * xhat + beta")
    void trainingOutputMatchesPyTorch() {
        Model model = new Model(0);
        Matrix x = Matrix.of(REFERENCE.x());
        Matrix out = referenceLayer(model).apply(new Node(x), true).value();
        Matrix gamma = row(REFERENCE.gamma());
        Matrix beta = row(REFERENCE.beta());
        Diagnosis.assertClose("output of BatchNorm1d in training mode", Matrix.of(REFERENCE.output()), out, TOLERANCE,
                "compare your formula with exercises.md#exercise-2-batch-norm-forward.", Misconceptions.training(x, gamma, beta));
    }

    @Test
    @DisplayName("gradients with respect to the input, gamma and beta match PyTorch")
    @Points(value = 4, exercise = 4, hint = "build batch norm from Node operations on x so the gradient flows through the mean and variance")
    void gradientsMatchPyTorch() {
        Model model = new Model(0);
        Node x = new Node(Matrix.of(REFERENCE.x()), "x");
        Map<String, Matrix> gradients =
                referenceLayer(model).apply(x, true).mul(new Node(Matrix.of(REFERENCE.upstream()))).sum().grad();
        Matrix zeros = Matrix.zeros(1, REFERENCE.features());
        Diagnosis.assertClose("gradient of beta", row(REFERENCE.grad_beta()), gradients.getOrDefault("beta_" + NAME, zeros),
                TOLERANCE, "beta's gradient is the upstream gradient summed over the batch: read beta from params as a named node.");
        Diagnosis.assertClose("gradient of gamma", row(REFERENCE.grad_gamma()), gradients.getOrDefault("gamma_" + NAME, zeros),
                TOLERANCE, "gamma's gradient is the upstream gradient times xhat, summed over the batch: check xhat and read gamma as a named node.");
        assertTrue(gradients.containsKey("x"), "grad() has no gradient for the input x: batch norm must be built from x with Node operations.");
        Diagnosis.assertClose("gradient of the input x", Matrix.of(REFERENCE.grad_x()), gradients.get("x"), TOLERANCE,
                "the gradient must also flow through the batch mean and variance: compute them with Node operations on x, "
                        + "not from x.value().");
    }

    @Test
    @DisplayName("running mean and variance after one training step match PyTorch (biased or unbiased variance)")
    @Points(value = 3, exercise = 4, hint = "after one step from zero, avg = MOMENTUM * batch statistic")
    void runningAveragesMatchPyTorch() {
        Model model = new Model(0);
        BatchNorm layer = referenceLayer(model);
        // The reference starts from zero (the script zeroes PyTorch's running_var, which starts at one).
        model.params.put("avg_mean_" + NAME, Matrix.zeros(1, REFERENCE.features()));
        model.params.put("avg_variance_" + NAME, Matrix.zeros(1, REFERENCE.features()));
        layer.apply(new Node(Matrix.of(REFERENCE.x())), true);
        int n = REFERENCE.x().length;
        Diagnosis.assertClose("avg_mean_ref after one step", row(REFERENCE.running_mean()), model.params.get("avg_mean_" + NAME),
                TOLERANCE, "expected MOMENTUM * batch mean after one step from zero.");
        Matrix unbiased = row(REFERENCE.running_var_unbiased());
        Matrix variance = model.params.get("avg_variance_" + NAME);
        if (!variance.allClose(unbiased, TOLERANCE)) {
            Diagnosis.assertClose("avg_variance_ref after one step (PyTorch's unbiased value is accepted too)",
                    unbiased.mul((n - 1.0) / n), variance, TOLERANCE, "expected MOMENTUM * batch variance after one step from zero.");
        }
    }

    @Test
    @DisplayName("evaluation-mode output with given running averages matches PyTorch")
    @Points(value = 2, exercise = 4, hint = "evaluation normalises with avg_mean and avg_variance from params")
    void evalOutputMatchesPyTorch() {
        Model model = new Model(0);
        BatchNorm layer = referenceLayer(model);
        model.params.put("avg_mean_" + NAME, row(REFERENCE.eval_running_mean()));
        model.params.put("avg_variance_" + NAME, row(REFERENCE.eval_running_var()));
        Matrix x = Matrix.of(REFERENCE.eval_x());
        Matrix out = layer.apply(new Node(x), false).value();
        Diagnosis.assertClose("output of BatchNorm1d in evaluation mode", Matrix.of(REFERENCE.eval_output()), out, TOLERANCE,
                "compare your formula with exercises.md#exercise-3-running-averages-and-the-train-flag.",
                Misconceptions.evaluation(x, row(REFERENCE.eval_running_mean()), row(REFERENCE.eval_running_var()),
                        row(REFERENCE.gamma()), row(REFERENCE.beta())));
    }
}
