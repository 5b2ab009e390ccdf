package grader.hidden;

import static grader.hidden.BatchNormMath.biasedVariance;
import static grader.hidden.BatchNormMath.mean;
import static grader.hidden.Misconception.BETA_MISSING;
import static grader.hidden.Misconception.DIVIDED_BY_VARIANCE;
import static grader.hidden.Misconception.EVAL_USES_BATCH_STATISTICS;
import static grader.hidden.Misconception.GAMMA_BETA_ROLES_SWAPPED;
import static grader.hidden.Misconception.MEAN_NOT_SUBTRACTED;
import static grader.hidden.Misconception.NO_SCALE_AND_SHIFT;
import static grader.hidden.Misconception.STATISTICS_OVER_ROWS;
import static grader.hidden.Misconception.UNBIASED_VARIANCE;

import autodiff.Matrix;
import batchnorm.Model;
import grader.hidden.Diagnosis.Suspect;

/** What the usual wrong batch-norm formulas would output, so a failure can name the mistake ({@link Misconception}). */
final class Misconceptions {
    private static final String DIVIDED_BY_VARIANCE_CAUSE =
            "output std equals 1/sqrt(var): you divided by the variance instead of its square root.";
    private static final String BETA_MISSING_CAUSE = "beta is missing: add beta after multiplying by gamma.";

    private Misconceptions() {}

    /** Wrong versions of training mode on batch {@code x}. */
    static Suspect[] training(Matrix x, Matrix gamma, Matrix beta) {
        Matrix centered = x.sub(mean(x));
        Matrix root = sqrt(biasedVariance(x));
        Matrix xhat = centered.div(root);
        Matrix rowCentered = x.sub(x.mean(1));
        Matrix rowRoot = rowCentered.mul(rowCentered).mean(1).add(Model.EPSILON).map(Math::sqrt);
        return new Suspect[] {
            new Suspect(DIVIDED_BY_VARIANCE, DIVIDED_BY_VARIANCE_CAUSE, centered.div(biasedVariance(x).add(Model.EPSILON)).mul(gamma).add(beta)),
            new Suspect(MEAN_NOT_SUBTRACTED, "the output mean is not beta: you divided x by the std without subtracting the batch mean first.",
                    x.div(root).mul(gamma).add(beta)),
            new Suspect(UNBIASED_VARIANCE, "you normalised with the unbiased variance (divide by n - 1); batch norm uses the biased one (divide by n).",
                    centered.div(sqrt(BatchNormMath.unbiasedVariance(x))).mul(gamma).add(beta)),
            new Suspect(STATISTICS_OVER_ROWS, "you computed mean and variance over each row (axis 1); batch norm uses each feature over the batch (axis 0).",
                    rowCentered.div(rowRoot).mul(gamma).add(beta)),
            new Suspect(BETA_MISSING, BETA_MISSING_CAUSE, xhat.mul(gamma)),
            new Suspect(GAMMA_BETA_ROLES_SWAPPED, "gamma and beta are swapped: multiply by gamma, then add beta.", xhat.mul(beta).add(gamma)),
            new Suspect(NO_SCALE_AND_SHIFT, "the output is the normalised value alone: multiply by gamma and add beta, read from params.", xhat),
        };
    }

    /** Wrong versions of evaluation mode on batch {@code x} with these running averages. */
    static Suspect[] evaluation(Matrix x, Matrix averageMean, Matrix averageVariance, Matrix gamma, Matrix beta) {
        return new Suspect[] {
            new Suspect(EVAL_USES_BATCH_STATISTICS, "evaluation used the batch's own mean and variance: it must use avg_mean and avg_variance from params"
                    + " (for a single row the batch statistics give just beta).", BatchNormMath.train(x, gamma, beta)),
            new Suspect(DIVIDED_BY_VARIANCE, DIVIDED_BY_VARIANCE_CAUSE, x.sub(averageMean).div(averageVariance.add(Model.EPSILON)).mul(gamma).add(beta)),
            new Suspect(MEAN_NOT_SUBTRACTED, "the running mean was not subtracted before dividing.", x.div(sqrt(averageVariance)).mul(gamma).add(beta)),
            new Suspect(BETA_MISSING, BETA_MISSING_CAUSE, BatchNormMath.normalize(x, averageMean, averageVariance).mul(gamma)),
        };
    }

    /** {@code sqrt(variance + EPSILON)}. */
    private static Matrix sqrt(Matrix variance) {
        return variance.add(Model.EPSILON).map(Math::sqrt);
    }
}
