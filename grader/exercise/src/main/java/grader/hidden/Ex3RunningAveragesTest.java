package grader.hidden;

import static grader.hidden.BatchNormMath.biasedVariance;
import static grader.hidden.BatchNormMath.mean;
import static grader.hidden.BatchNormMath.normal;
import static grader.hidden.BatchNormMath.runningAverage;
import static grader.hidden.BatchNormMath.unbiasedVariance;
import static org.junit.jupiter.api.Assertions.fail;

import autodiff.Matrix;
import autodiff.Node;
import batchnorm.Model;
import grader.hidden.Diagnosis.Suspect;
import grader.rubric.Points;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exercise 3: running averages of mean and variance, updated in training and used in evaluation. */
@DisplayName("Exercise 3: running averages and the train flag")
@ExtendWith(Diagnosis.Reporter.class)
public class Ex3RunningAveragesTest {
    private static final String READ = " (exercises.md#exercise-3-running-averages-and-the-train-flag)";
    private static final String REGISTER = "batchNorm must put it into params" + READ;
    /**
     * For outputs: far above rounding (about 1e-14) and far below any wrong formula. Leaving EPSILON
     * out moves outputs by about 1e-8; Exercise 2's constant-feature test catches that, not these.
     */
    private static final double OUTPUT_TOLERANCE = 1e-6;

    @Test
    @DisplayName("avg_mean and avg_variance of both layers start as zeros of shape 1 x fanIn")
    @Points(value = 4, exercise = 3, hint = "batchNorm must put avg_mean_<name> and avg_variance_<name>, zeros of shape 1 x fanIn, into params")
    void averagesStartAtZero() {
        Model model = new Model(0);
        for (String key : new String[] {"avg_mean_bn1", "avg_variance_bn1", "avg_mean_bn2", "avg_variance_bn2"}) {
            int fanIn = key.endsWith("bn1") ? 20 : 10;
            Matrix average = Params.require(model, key, 1, fanIn, REGISTER);
            if (!average.equals(Matrix.zeros(1, fanIn))) {
                fail(key + " should start at zeros, got " + Diagnosis.brief(average)
                        + ": the averages start from nothing and fill up as training batches arrive.");
            }
        }
    }

    @Test
    @DisplayName("60 training batches of mean 42 and variance 100 give avg_mean near 42 and avg_variance near 100")
    @Points(value = 7, exercise = 3, hint = "in training mode, move avg_mean and avg_variance towards the batch's mean and variance and store them in params")
    void averagesApproachTheDataStatistics() {
        Model model = new Model(0);
        // 60 batches leave 0.9^60 = 0.2% of the averages' start at zero (0.08 of 42, 0.2 of 100): the rest is the
        // averages' own noise. The samples are uniform, not normal: a batch variance's spread goes with the
        // distribution's kurtosis minus 1 over the rows (0.8 / n uniform, 2 / n normal), so 400 uniform rows
        // spread each average exactly as 1000 normal rows did, for the solution (standard deviation 1.0 of 100,
        // the worst of 20 features 2.3, tolerance 5) and for the averages with the momentum on the wrong side,
        // which follow the last batch and which this test must fail (worst 7.8). This test, the costliest of a
        // correct submission's, takes about half the time it took with 1000 normal rows.
        SplittableRandom random = new SplittableRandom(42);
        double halfWidth = Math.sqrt(3 * 100);  // uniform on 42 +- sqrt(3 variance)
        for (int batch = 0; batch < 60; batch++) {
            double[] samples = new double[400 * 20];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = random.nextDouble(42 - halfWidth, 42 + halfWidth);
            }
            model.bn1.apply(new Node(Matrix.fromRowMajor(400, 20, samples)), true);
        }
        Matrix averageMean = Params.require(model, "avg_mean_bn1", 1, 20, REGISTER);
        Matrix averageVariance = Params.require(model, "avg_variance_bn1", 1, 20, REGISTER);
        boolean meansClose = averageMean.allClose(Matrix.full(1, 20, 42), 1.0);
        boolean variancesClose = averageVariance.allClose(Matrix.full(1, 20, 100), 5.0);
        if (meansClose && variancesClose) {
            return;  // the messages below are worded only for a failure (Diagnosis#number)
        }
        double meanOfMeans = averageMean.mean();
        double meanOfVariances = averageVariance.mean();
        String seen = " (avg_mean_bn1 averages " + Diagnosis.number(meanOfMeans) + ", avg_variance_bn1 averages "
                + Diagnosis.number(meanOfVariances) + ")";
        boolean meanStillZero = Math.abs(meanOfMeans) < 1e-9;
        Diagnosis.check(meansClose, meanStillZero ? Misconception.AVERAGES_NEVER_STORED : null,
                "avg_mean_bn1 should be within 1 of 42" + seen + ". "
                + (meanStillZero ? "It is still zero: training mode never stores the updated average in params."
                        : "Update it in training mode with avg = (1 - MOMENTUM) * avg + MOMENTUM * batch mean."));
        boolean nearStd = Math.abs(meanOfVariances - 10) < 1;
        boolean varianceStillZero = Math.abs(meanOfVariances) < 1e-9;
        Diagnosis.check(variancesClose, nearStd ? Misconception.AVERAGED_STD
                : varianceStillZero ? Misconception.AVERAGES_NEVER_STORED : null,
                "avg_variance_bn1 should be within 5 of 100" + seen + ". "
                + (nearStd ? "It is near 10, the standard deviation: average the variance, not its square root."
                        : varianceStillZero ? "It is still zero: training mode never stores the updated average in params."
                                : "Update it in training mode with avg = (1 - MOMENTUM) * avg + MOMENTUM * batch variance of each feature "
                        + "(axis 0); with the weights the other way round it follows the last batch too closely."));
    }

    @Test
    @DisplayName("two training steps update the averages exactly with momentum 0.1")
    @Points(value = 7, exercise = 3, hint = "avg = (1 - MOMENTUM) * avg + MOMENTUM * batch statistic, with MOMENTUM = 0.1 on the new batch")
    void updatesFollowTheMomentumFormulaExactly() {
        Model model = new Model(0);
        Matrix first = normal(16, 20, 2.0, 3.0, 61);
        Matrix second = normal(16, 20, -1.0, 0.5, 62);
        // Compared with the averages as they were, so a wrong start costs only averagesStartAtZero.
        for (Matrix x : new Matrix[] {first, second}) {
            Matrix meanBefore = Params.require(model, "avg_mean_bn1", 1, 20, REGISTER);
            Matrix varianceBefore = Params.require(model, "avg_variance_bn1", 1, 20, REGISTER);
            model.bn1.apply(new Node(x), true);
            checkAverages(model, meanBefore, varianceBefore, x, x == first ? "after one step" : "after a second step");
        }
    }

    /** avg_mean and avg_variance of bn1 after one update from these averages with batch {@code x}. */
    private static void checkAverages(Model model, Matrix meanBefore, Matrix varianceBefore, Matrix x, String when) {
        Matrix averageMean = Params.require(model, "avg_mean_bn1", 1, 20, REGISTER);
        Matrix averageVariance = Params.require(model, "avg_variance_bn1", 1, 20, REGISTER);
        String hint = "expected (1 - MOMENTUM) * old average + MOMENTUM * batch statistic, with MOMENTUM = 0.1.";
        Diagnosis.assertClose("avg_mean_bn1 " + when, runningAverage(meanBefore, mean(x)), averageMean, 1e-12, hint,
                momentumSuspects(meanBefore, mean(x)));
        // The exercise uses the biased variance; PyTorch averages the unbiased one. Both are accepted.
        Matrix biased = runningAverage(varianceBefore, biasedVariance(x));
        Matrix unbiased = runningAverage(varianceBefore, unbiasedVariance(x));
        if (!averageVariance.allClose(unbiased, 1e-12)) {
            Diagnosis.assertClose("avg_variance_bn1 " + when + " (the unbiased variance is accepted too)", biased, averageVariance,
                    1e-12, hint, momentumSuspects(varianceBefore, biasedVariance(x)));
        }
    }

    private static Suspect[] momentumSuspects(Matrix before, Matrix batch) {
        return new Suspect[] {
            new Suspect(Misconception.AVERAGES_NEVER_STORED, "the average did not change: training mode must store the updated average in params.", before),
            new Suspect(Misconception.MOMENTUM_REVERSED, "MOMENTUM multiplies the old average: it belongs on the new batch, (1 - MOMENTUM) on the old average.",
                    before.mul(Model.MOMENTUM).add(batch.mul(1 - Model.MOMENTUM))),
            new Suspect(Misconception.AVERAGE_REPLACED, "the average was replaced by the batch statistic: blend it with the old average.", batch),
            new Suspect(Misconception.OLD_AVERAGE_DROPPED, "the old average was dropped: keep (1 - MOMENTUM) * old average.", batch.mul(Model.MOMENTUM)),
        };
    }

    @Test
    @DisplayName("evaluation normalises with avg_mean and avg_variance")
    @Points(value = 6, exercise = 3, hint = "when train is false, use avg_mean_<name> and avg_variance_<name> from params instead of the batch statistics")
    void evalUsesTheRunningAverages() {
        Model model = new Model(0);
        Matrix gamma = normal(1, 20, 1.0, 1.0, 71);
        Matrix beta = normal(1, 20, 0.0, 1.0, 72);
        Matrix averageMean = normal(1, 20, 0.0, 2.0, 73);
        Matrix averageVariance = normal(1, 20, 0.0, 1.0, 74).map(v -> 0.5 + v * v);
        Params.setBatchNorm(model, "bn1", gamma, beta, averageMean, averageVariance);
        Matrix x = normal(5, 20, 1.0, 3.0, 75);
        Matrix out = model.bn1.apply(new Node(x), false).value();
        Diagnosis.assertClose("bn1 output in evaluation mode", BatchNormMath.eval(x, averageMean, averageVariance, gamma, beta),
                out, OUTPUT_TOLERANCE, "expected gamma * (x - avg_mean) / sqrt(avg_variance + EPSILON) + beta.",
                Misconceptions.evaluation(x, averageMean, averageVariance, gamma, beta));
    }

    @Test
    @DisplayName("evaluation changes nothing in params")
    @Points(value = 5, exercise = 3, hint = "update the running averages only when train is true")
    void evalChangesNothing() {
        Model model = new Model(0);
        for (int batch = 0; batch < 3; batch++) {
            model.bn1.apply(new Node(normal(32, 20, 1.0, 2.0, 80 + batch)), true);
        }
        Map<String, Matrix> before = new LinkedHashMap<>(model.params);
        model.bn1.apply(new Node(normal(32, 20, 5.0, 2.0, 84)), false);
        Diagnosis.check(Params.firstDifference(before, model.params) == null, Misconception.AVERAGES_UPDATED_IN_EVAL,
                "evaluation changed params (first change: "
                + Params.firstDifference(before, model.params) + "): the running averages must only move in training mode.");
    }

    @Test
    @DisplayName("evaluation of a single row gives the running-average formula")
    @Points(value = 3, exercise = 3, hint = "evaluation must not use the batch's statistics: one row has variance 0")
    void evalWorksForASingleRow() {
        Model model = new Model(0);
        for (int batch = 0; batch < 5; batch++) {
            model.bn1.apply(new Node(normal(40, 20, 3.0, 2.0, 90 + batch)), true);
        }
        Matrix averageMean = Params.require(model, "avg_mean_bn1", 1, 20, REGISTER);
        Matrix averageVariance = Params.require(model, "avg_variance_bn1", 1, 20, REGISTER);
        Matrix row = normal(1, 20, 3.0, 2.0, 96);
        Matrix out = model.bn1.apply(new Node(row), false).value();
        Matrix gamma = model.params.get("gamma_bn1");
        Matrix beta = model.params.get("beta_bn1");
        Diagnosis.assertClose("bn1 output for one row in evaluation mode", BatchNormMath.eval(row, averageMean, averageVariance, gamma, beta),
                out, OUTPUT_TOLERANCE, "expected gamma * (x - avg_mean) / sqrt(avg_variance + EPSILON) + beta.",
                Misconceptions.evaluation(row, averageMean, averageVariance, gamma, beta));
    }

    @Test
    @DisplayName("the running averages never appear in grad()")
    @Points(value = 3, exercise = 3, hint = "read avg_mean and avg_variance as plain, unnamed nodes: they are statistics, not parameters to train")
    void averagesNeverAppearInGradients() {
        Model model = new Model(0);
        Node x = new Node(normal(10, 20, 0.0, 1.0, 97), "x");
        for (boolean train : new boolean[] {true, false}) {
            Map<String, Matrix> gradients = model.bn1.apply(x, train).sum().grad();
            for (String key : gradients.keySet()) {
                Diagnosis.check(!key.startsWith("avg_"), Misconception.AVERAGES_AS_NAMED_NODES, "grad() in " + (train ? "training" : "evaluation") + " mode reports \"" + key
                        + "\": the running averages must be unnamed nodes, or gradient descent would train them.");
            }
        }
    }
}
