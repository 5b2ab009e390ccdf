package grader.hidden;

import static org.junit.jupiter.api.Assertions.fail;

import autodiff.Matrix;
import batchnorm.Model;
import java.util.Map;

/** Reads and writes a model's {@code params} with failures that say which key is missing or wrong. */
final class Params {
    private Params() {}

    /** The entry under {@code key}, failing with a clear message when it is absent or has the wrong shape. */
    static Matrix require(Model model, String key, int rows, int cols, String whereToAddIt) {
        Matrix value = model.params.get(key);
        if (value == null) {
            fail("params has no entry \"" + key + "\" (keys present: " + model.params.keySet() + "). " + whereToAddIt);
        }
        if (value.rows() != rows || value.cols() != cols) {
            fail("params \"" + key + "\" has shape " + value.shape() + ", expected (" + rows + "x" + cols
                    + "): one value per feature, as a single row (1 x fanIn)");
        }
        return value;
    }

    /** Gives a batch-norm layer of {@code model} these gamma, beta and running averages. */
    static void setBatchNorm(Model model, String name, Matrix gamma, Matrix beta, Matrix averageMean,
                             Matrix averageVariance) {
        model.params.put("gamma_" + name, gamma);
        model.params.put("beta_" + name, beta);
        model.params.put("avg_mean_" + name, averageMean);
        model.params.put("avg_variance_" + name, averageVariance);
    }

    /** The first key whose matrix differs between the two maps, or null when they hold the same. */
    static String firstDifference(Map<String, Matrix> before, Map<String, Matrix> after) {
        if (!before.keySet().equals(after.keySet())) {
            return "the set of keys (" + before.keySet() + " became " + after.keySet() + ")";
        }
        for (String key : before.keySet()) {
            if (!before.get(key).equals(after.get(key))) {
                return key;
            }
        }
        return null;
    }
}
