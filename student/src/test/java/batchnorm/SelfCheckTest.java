package batchnorm;

import static batchnorm.SelfCheckHelp.attempt;
import static batchnorm.SelfCheckHelp.columnStd;
import static batchnorm.SelfCheckHelp.failure;
import static batchnorm.SelfCheckHelp.near;
import static batchnorm.SelfCheckHelp.rowParameter;

import autodiff.BreastCancer;
import autodiff.Matrix;
import autodiff.Node;
import batchnorm.SelfCheckHelp.Exercise;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The self-checks of exercises.md: run them all with {@code mvn test}, or one exercise with
 * {@code mvn test -Dgroups=exercise2} (or exercise3, exercise4).
 */
@DisplayName("Self-checks")
class SelfCheckTest {

    @Nested
    @Tag("exercise2")
    @DisplayName("Exercise 2: batch norm forward")
    class Exercise2 {
        private static final double TOLERANCE = 1e-5;

        @Test
        @DisplayName("gamma and beta of both layers are in params, 1 x fanIn")
        void gammaAndBetaOfBothLayersAreRowsOfFanIn() {
            Model model = new Model(0);
            rowParameter(model, "gamma_bn1", 20, Exercise.TWO);
            rowParameter(model, "beta_bn1", 20, Exercise.TWO);
            rowParameter(model, "gamma_bn2", 10, Exercise.TWO);
            rowParameter(model, "beta_bn2", 10, Exercise.TWO);
        }

        @Test
        @DisplayName("bn2's output has mean beta and std |gamma| per feature")
        void outputHasMeanBetaAndStdAbsGamma() {
            Model model = new Model(0);
            expectMeanBetaAndStdAbsGamma(model, new Random(2));
        }

        @Test
        @DisplayName("after new gamma (some negative) and beta are put into params, the output follows them")
        void outputFollowsNewGammaAndBeta() {
            Model model = new Model(0);
            Random random = new Random(3);
            rowParameter(model, "gamma_bn2", 10, Exercise.TWO);
            Matrix gamma = Matrix.randn(1, 10, random).mul(2).map(Math::abs);
            gamma = gamma.with(0, 1, -gamma.get(0, 1)).with(0, 4, -gamma.get(0, 4)).with(0, 7, -gamma.get(0, 7));
            model.params.put("gamma_bn2", gamma);
            model.params.put("beta_bn2", Matrix.randn(1, 10, random).mul(3));
            expectMeanBetaAndStdAbsGamma(model, random);
        }

        /** Runs 100 x 10 standard-normal data through bn2 (training mode) and compares each feature. */
        private void expectMeanBetaAndStdAbsGamma(Model model, Random random) {
            Matrix gamma = rowParameter(model, "gamma_bn2", 10, Exercise.TWO);
            Matrix beta = rowParameter(model, "beta_bn2", 10, Exercise.TWO);
            Matrix x = Matrix.randn(100, 10, random);
            Matrix out = attempt(Exercise.TWO, "running bn2 on a 100 x 10 batch", () -> model.bn2.apply(new Node(x)).value());
            if (out.rows() != 100 || out.cols() != 10) {
                throw failure(Exercise.TWO, "bn2 turned a (100x10) batch into " + out.shape() + ".",
                        "batch norm keeps the shape: compute the mean and variance over the batch (axis 0, giving 1 x 10), "
                                + "then (x - mean) / sqrt(variance + EPSILON) is 100 x 10 again.");
            }
            Matrix mean = out.mean(0);
            Matrix std = columnStd(out);
            Matrix inputVariance = columnStd(x).mul(columnStd(x));
            for (int feature = 0; feature < 10; feature++) {
                double g = gamma.get(0, feature);
                double b = beta.get(0, feature);
                double seenMean = mean.get(0, feature);
                double seenStd = std.get(0, feature);
                if (!near(seenMean, b, TOLERANCE)) {
                    throw failure(Exercise.TWO, String.format("feature %d of bn2's output has mean %.5f, expected beta = %.5f.",
                            feature, seenMean, b), meanCause(seenMean, g, b));
                }
                if (!near(seenStd, Math.abs(g), TOLERANCE)) {
                    throw failure(Exercise.TWO, String.format("feature %d of bn2's output has std %.5f, expected |gamma| = %.5f.",
                            feature, seenStd, Math.abs(g)), stdCause(seenStd, g, inputVariance.get(0, feature), x.rows()));
                }
            }
        }

        private String meanCause(double seen, double gamma, double beta) {
            if (Math.abs(beta) > 1e-3 && near(seen, 0, 1e-3)) {
                return "beta is not added, or was read once when batchNorm() ran: add beta, read from params each time "
                        + "the layer is applied (the self-check puts a new beta into params).";
            }
            if (near(seen, gamma, 1e-3)) {
                return "gamma and beta look swapped: the output is gamma * xhat + beta.";
            }
            if (near(seen, gamma * beta, 1e-3)) {
                return "beta was multiplied by gamma: the output is gamma * xhat + beta, not gamma * (xhat + beta).";
            }
            return "subtract each feature's batch mean (x.mean(0): axis 0 runs down the rows of the batch) before "
                    + "dividing, then add beta.";
        }

        private String stdCause(double seen, double gamma, double inputVariance, int n) {
            if (Math.abs(Math.abs(gamma) - 1) > 1e-3 && near(seen, 1, 1e-3)) {
                return "the output ignores gamma, or uses a gamma read once when batchNorm() ran: multiply the normalized "
                        + "value by gamma, read from params each time the layer is applied.";
            }
            if (near(seen, Math.abs(gamma) / Math.sqrt(inputVariance), 1e-4)) {
                return "you divided by the variance; divide by its square root, sqrt(variance + EPSILON).";
            }
            if (near(seen, Math.abs(gamma) * Math.sqrt((n - 1.0) / n), 1e-4)) {
                return "you used the unbiased variance (divide by n - 1); batch norm's variance divides by n: "
                        + "the mean of (x - mean)^2 over the batch.";
            }
            return "normalize each feature over the batch (axis 0): xhat = (x - mean) / sqrt(variance + EPSILON), "
                    + "with the variance the mean of (x - mean)^2, then multiply by gamma.";
        }
    }

    @Nested
    @Tag("exercise3")
    @DisplayName("Exercise 3: running averages and the train flag")
    class Exercise3 {
        @Test
        @DisplayName("the running averages of both layers start at zero, 1 x fanIn")
        void runningAveragesStartAtZero() {
            Model model = new Model(0);
            for (String layer : new String[] {"bn1", "bn2"}) {
                int fanIn = layer.equals("bn1") ? 20 : 10;
                for (String average : new String[] {"avg_mean_", "avg_variance_"}) {
                    Matrix value = rowParameter(model, average + layer, fanIn, Exercise.THREE);
                    if (!value.equals(Matrix.zeros(1, fanIn))) {
                        throw failure(Exercise.THREE, average + layer + " starts at " + value + ", expected all zeros.",
                                "this exercise starts both averages at zero (PyTorch starts the variance at one, we do not).");
                    }
                }
            }
        }

        @Test
        @DisplayName("after 100 training batches from N(42, 10^2), bn1's averages are near 42 and 100")
        void runningAveragesApproachTheDataStatistics() {
            Model model = new Model(0);
            rowParameter(model, "avg_mean_bn1", 20, Exercise.THREE);
            rowParameter(model, "avg_variance_bn1", 20, Exercise.THREE);
            Random random = new Random(42);
            for (int batch = 0; batch < 100; batch++) {
                Matrix x = Matrix.randn(1000, 20, random).mul(10).add(42);
                attempt(Exercise.THREE, "running bn1 in training mode", () -> model.bn1.apply(new Node(x), true));
            }
            Matrix mean = rowParameter(model, "avg_mean_bn1", 20, Exercise.THREE);
            Matrix variance = rowParameter(model, "avg_variance_bn1", 20, Exercise.THREE);
            for (int feature = 0; feature < 20; feature++) {
                double seenMean = mean.get(0, feature);
                double seenVariance = variance.get(0, feature);
                if (!near(seenMean, 42, 1)) {
                    throw failure(Exercise.THREE, String.format("avg_mean_bn1, feature %d, is %.3f after 100 training batches "
                            + "with mean 42, expected 42 within 1.", feature, seenMean), averageCause(seenMean, 42));
                }
                if (!near(seenVariance, 100, 5)) {
                    String cause = near(seenVariance, 10, 1) ? "you stored the standard deviation; keep the variance."
                            : averageCause(seenVariance, 100);
                    throw failure(Exercise.THREE, String.format("avg_variance_bn1, feature %d, is %.3f after 100 training "
                            + "batches with variance 100, expected 100 within 5.", feature, seenVariance), cause);
                }
            }
        }

        private String averageCause(double seen, double expected) {
            if (seen == 0) {
                return "the average never moved: in updateRunningAverages, compute the new average and put it back into "
                        + "params (a Matrix never changes in place).";
            }
            return "after each training batch, avg = (1 - MOMENTUM) * avg + MOMENTUM * (this batch's statistic); "
                    + "after 100 batches that is within a hair of " + expected + ".";
        }

        @Test
        @DisplayName("evaluation mode leaves the running averages unchanged")
        void evaluationLeavesTheAveragesUnchanged() {
            Model model = new Model(0);
            rowParameter(model, "avg_mean_bn1", 20, Exercise.THREE);
            Random random = new Random(4);
            for (int batch = 0; batch < 5; batch++) {
                Matrix x = Matrix.randn(200, 20, random).mul(10).add(42);
                attempt(Exercise.THREE, "running bn1 in training mode", () -> model.bn1.apply(new Node(x), true));
            }
            Map<String, Matrix> before = new LinkedHashMap<>();
            for (String key : new String[] {"avg_mean_bn1", "avg_variance_bn1"}) {
                before.put(key, rowParameter(model, key, 20, Exercise.THREE));
            }
            Matrix x = Matrix.randn(100, 20, random).mul(3).add(-7);
            attempt(Exercise.THREE, "running bn1 in evaluation mode", () -> model.bn1.apply(new Node(x), false));
            for (String key : before.keySet()) {
                if (!before.get(key).equals(model.params.get(key))) {
                    throw failure(Exercise.THREE, key + " changed during an evaluation-mode call (train = false): it was "
                                    + before.get(key) + ", it became " + model.params.get(key) + ".",
                            "evalMode must only read the running averages; update them in training mode only.");
                }
            }
        }

        @Test
        @DisplayName("grad() never reports the running averages, in training or in evaluation mode")
        void runningAveragesNeverAppearInTheGradient() {
            Model model = new Model(0);
            rowParameter(model, "avg_mean_bn1", 20, Exercise.THREE);
            rowParameter(model, "avg_variance_bn1", 20, Exercise.THREE);
            Matrix x = Matrix.randn(50, 20, new Random(5)).mul(10).add(42);
            // Training first, so that evaluation normalizes with averages that have moved away from zero.
            for (boolean train : new boolean[] {true, false}) {
                String mode = train ? "training" : "evaluation";
                Map<String, Matrix> gradient = attempt(Exercise.THREE, "taking grad() of bn1's output in " + mode + " mode",
                        () -> model.bn1.apply(new Node(x), train).sum().grad());
                for (String key : gradient.keySet()) {
                    if (key.startsWith("avg_")) {
                        throw failure(Exercise.THREE, "after a pass through bn1 in " + mode + " mode, grad() reports '" + key
                                        + "' (its keys are " + gradient.keySet() + "); expected no running average among them.",
                                namedAverageCause(spelledInModel(key)));
                    }
                }
            }
        }

        private String namedAverageCause(String key) {
            return "the running averages were read as named nodes (param(" + key + ") or new Node(..., " + key + ")), "
                    + "so gradient descent would train them like gamma and beta. Read them as constants, without a name: "
                    + "new Node(params.get(" + key + ")). "
                    + "exercises.md#running-averages-and-why-evaluation-differs-from-training says why.";
        }

        /** A key of bn1 as Model.java builds it: avg_mean_bn1 becomes "avg_mean_" + name. */
        private String spelledInModel(String key) {
            return key.endsWith("bn1") ? "\"" + key.substring(0, key.length() - "bn1".length()) + "\" + name" : "\"" + key + "\"";
        }
    }

    @Nested
    @Tag("exercise4")
    @DisplayName("Exercise 4: gradient descent")
    class Exercise4 {
        @Test
        @DisplayName("the evaluation-mode output of a single row is one finite number")
        void evaluationOfASingleRowIsFinite() {
            Model model = new Model(0);
            BreastCancer.Split data = Training.data(0);
            attempt(Exercise.FOUR, "running forward(batch, true)", () -> model.forward(data.trainFeatures(), true));
            Matrix row = data.testFeatures().selectRows(new int[] {0});
            Matrix out = attempt(Exercise.FOUR, "running forward(oneRow, false)", () -> model.forward(row, false).value());
            if (out.rows() != 1 || out.cols() != 1) {
                throw failure(Exercise.FOUR, "forward of one row gave shape " + out.shape() + ", expected (1x1).",
                        "the network ends in linear(10, 1) and a sigmoid: one probability per row.");
            }
            if (!Double.isFinite(out.item())) {
                throw failure(Exercise.FOUR, "forward(oneRow, false) gave " + out.item() + ", expected a finite probability.",
                        "pass train on to bn1 and bn2 so evaluation uses the running averages (one row has variance 0), "
                                + "and keep EPSILON inside the square root.");
            }
        }

        @Test
        @DisplayName("a short training lowers the loss on the training data")
        void aShortTrainingLowersTheLoss() {
            Model model = new Model(0);
            BreastCancer.Split data = Training.data(0);
            Matrix x = data.trainFeatures();
            Matrix y = data.trainLabels();
            double before = attempt(Exercise.FOUR, "computing the loss", () -> model.loss(x, y).value().item()) / x.rows();
            attempt(Exercise.FOUR, "training 30 steps",
                    () -> Training.train(model, new Training.Settings(0, 30, 0.01, 50), x, y, Training.Progress.SILENT));
            double after = attempt(Exercise.FOUR, "computing the loss", () -> model.loss(x, y).value().item()) / x.rows();
            if (!(after < before)) {
                String cause = Double.isNaN(after)
                        ? "a NaN appeared: check that EPSILON is inside the square root, sqrt(variance + EPSILON)."
                        : after == before
                        ? "the parameters did not change the output: every layer must read its parameters from params "
                                + "when it is applied, because gradient descent puts new matrices there."
                        : "the forward pass does not follow the network of exercises.md, or a gradient flows the wrong way.";
                throw failure(Exercise.FOUR, String.format("the loss per example went from %.4f to %.4f after 30 steps of "
                        + "gradient descent, expected it to go down.", before, after), cause);
            }
        }
    }
}
