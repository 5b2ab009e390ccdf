package grader.hidden;

import autodiff.Matrix;
import batchnorm.Model;
import java.util.Random;

/**
 * Batch normalization written out with plain matrices, the formulas of exercises.md: what the hidden
 * tests expect, and the building blocks of the wrong formulas that {@link Diagnosis} recognises.
 */
final class BatchNormMath {
    private BatchNormMath() {}

    /** Entries drawn from N(mean, std^2) with this seed. */
    static Matrix normal(int rows, int cols, double mean, double std, long seed) {
        return Matrix.randn(rows, cols, new Random(seed)).mul(std).add(mean);
    }

    /** Per-feature mean over the batch (axis 0), 1 x cols. */
    static Matrix mean(Matrix x) {
        return x.mean(0);
    }

    /** Per-feature variance dividing by n, as batch norm normalizes. */
    static Matrix biasedVariance(Matrix x) {
        return x.variance(0);
    }

    /** Per-feature variance dividing by n - 1, as PyTorch's running variance uses. */
    static Matrix unbiasedVariance(Matrix x) {
        return biasedVariance(x).mul(x.rows() / (x.rows() - 1.0));
    }

    /** Per-feature population standard deviation. */
    static Matrix std(Matrix x) {
        return biasedVariance(x).map(Math::sqrt);
    }

    /** {@code (x - mean) / sqrt(variance + EPSILON)}. */
    static Matrix normalize(Matrix x, Matrix mean, Matrix variance) {
        return x.sub(mean).div(variance.add(Model.EPSILON).map(Math::sqrt));
    }

    /** Training mode: the batch's own mean and biased variance. */
    static Matrix train(Matrix x, Matrix gamma, Matrix beta) {
        return normalize(x, mean(x), biasedVariance(x)).mul(gamma).add(beta);
    }

    /** Evaluation mode: the running averages. */
    static Matrix eval(Matrix x, Matrix averageMean, Matrix averageVariance, Matrix gamma, Matrix beta) {
        return normalize(x, averageMean, averageVariance).mul(gamma).add(beta);
    }

    /** {@code (1 - MOMENTUM) * average + MOMENTUM * batchStatistic}. */
    static Matrix runningAverage(Matrix average, Matrix batchStatistic) {
        return average.mul(1 - Model.MOMENTUM).add(batchStatistic.mul(Model.MOMENTUM));
    }

    static Matrix abs(Matrix m) {
        return m.map(Math::abs);
    }
}
