package batchnorm;

import autodiff.Matrix;
import autodiff.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The exercise's network for the breast-cancer data: 30 features -> linear(30,20) -> batch norm ->
 * tanh -> linear(20,10) -> batch norm -> tanh -> linear(10,1) -> sigmoid.
 *
 * <p>Every layer reads its parameters from {@link #params} each time it is applied, so a training
 * loop that puts new matrices into {@code params} changes the next forward pass.
 */
public final class Model {
    /** Added to the variance before the square root, so a constant feature does not divide by zero. */
    public static final double EPSILON = 1e-8;
    /** Weight of the newest batch in the running averages. */
    public static final double MOMENTUM = 0.1;

    /** Parameters and running averages by key, in the order they were created. */
    public final Map<String, Matrix> params = new LinkedHashMap<>();
    public final Layer fc1;
    public final Layer fc2;
    public final Layer fc3;
    public final BatchNorm bn1;
    public final BatchNorm bn2;

    private final Random random;

    /** Builds the network; weights are drawn from N(0, 1) with this seed. */
    public Model(long seed) {
        random = new Random(seed);
        fc1 = linear(30, 20, "fc1");
        bn1 = batchNorm(20, "bn1");
        fc2 = linear(20, 10, "fc2");
        bn2 = batchNorm(10, "bn2");
        fc3 = linear(10, 1, "fc3");
    }

    /** A linear layer without bias (batch norm makes a bias redundant: Exercise 1). */
    public Layer linear(int fanIn, int fanOut, String name) {
        String weight = "weight_" + name;
        params.put(weight, Matrix.randn(fanIn, fanOut, random));
        return x -> x.dot(param(weight));
    }

    /**
     * A batch-normalization layer over {@code fanIn} features (Exercises 2 and 3).
     *
     * <p>Registers in {@link #params}: {@code gamma_<name>} (1 x fanIn, ones), {@code beta_<name>}
     * (1 x fanIn, zeros), {@code avg_mean_<name>} and {@code avg_variance_<name>} (1 x fanIn, zeros).
     * Applied to x of shape n x fanIn, it runs {@link #trainingMode} or {@link #evalMode}.
     * See exercises.md#exercise-2-batch-norm-forward and #exercise-3-running-averages-and-the-train-flag.
     */
    public BatchNorm batchNorm(int fanIn, String name) {
        // BEGIN SOLUTION
        // STUB: // TODO Exercise 2: put gamma_<name> (ones) and beta_<name> (zeros), both 1 x fanIn, into params.
        params.put("gamma_" + name, Matrix.ones(1, fanIn));
        params.put("beta_" + name, Matrix.zeros(1, fanIn));
        // END SOLUTION
        // BEGIN SOLUTION
        // STUB: // TODO Exercise 3: put avg_mean_<name> and avg_variance_<name> (zeros, 1 x fanIn) into params (this part may stay empty until Exercise 3).
        params.put("avg_mean_" + name, Matrix.zeros(1, fanIn));
        params.put("avg_variance_" + name, Matrix.zeros(1, fanIn));
        // END SOLUTION
        return (x, train) -> train ? trainingMode(x, name) : evalMode(x, name);
    }

    /**
     * Batch norm with the batch's own statistics (Exercise 2). Per feature (axis 0): the batch mean
     * and the biased variance (divide by n), {@code xhat = (x - mean) / sqrt(variance + EPSILON)},
     * and the output {@code gamma * xhat + beta}, n x fanIn ({@link #scaleAndShift} does the last
     * part). Hands the statistics to {@link #updateRunningAverages} (Exercise 3) before returning.
     * See exercises.md#exercise-2-batch-norm-forward.
     */
    private Node trainingMode(Node x, String name) {
        // BEGIN SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 2 is not implemented yet: Model.trainingMode (see exercises.md#exercise-2-batch-norm-forward)");
        Node mean = x.mean(0);
        Node centered = x.sub(mean);
        Node variance = centered.square().mean(0);
        updateRunningAverages(name, mean.value(), variance.value());
        return scaleAndShift(centered.div(variance.add(EPSILON).sqrt()), name);
        // END SOLUTION
    }

    /**
     * Batch norm with the running averages instead of the batch's statistics (Exercise 3): the same
     * formula as {@link #trainingMode}, with {@code avg_mean_<name>} and {@code avg_variance_<name>}
     * read from {@link #params} as unnamed nodes, that is constants ({@code new Node(params.get(...))},
     * not {@link #param}, which names its node), so they never get a gradient and SGD never moves them.
     * Changes nothing, and works for a batch of one row.
     * See exercises.md#exercise-3-running-averages-and-the-train-flag.
     */
    private Node evalMode(Node x, String name) {
        // BEGIN SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 3 is not implemented yet: Model.evalMode (see exercises.md#exercise-3-running-averages-and-the-train-flag)");
        Node mean = new Node(params.get("avg_mean_" + name));
        Node variance = new Node(params.get("avg_variance_" + name));
        return scaleAndShift(x.sub(mean).div(variance.add(EPSILON).sqrt()), name);
        // END SOLUTION
    }

    /**
     * Moves each running average towards this batch's statistic (Exercise 3):
     * {@code avg = (1 - MOMENTUM) * avg + MOMENTUM * batchStatistic}, stored back into {@link #params}
     * as a plain matrix, never a named node, so that gradients and SGD never touch it.
     * See exercises.md#exercise-3-running-averages-and-the-train-flag.
     */
    private void updateRunningAverages(String name, Matrix batchMean, Matrix batchVariance) {
        // BEGIN SOLUTION
        // STUB: // TODO Exercise 3: update avg_mean_<name> and avg_variance_<name> in params (this method may stay empty until Exercise 3).
        params.put("avg_mean_" + name, params.get("avg_mean_" + name).mul(1 - MOMENTUM).add(batchMean.mul(MOMENTUM)));
        params.put("avg_variance_" + name,
                params.get("avg_variance_" + name).mul(1 - MOMENTUM).add(batchVariance.mul(MOMENTUM)));
        // END SOLUTION
    }

    /** {@code gamma * normalized + beta}, with both read from {@link #params} now (given). */
    private Node scaleAndShift(Node normalized, String name) {
        return normalized.mul(param("gamma_" + name)).add(param("beta_" + name));
    }

    /**
     * The network's output, n x 1 probabilities of "benign": fc1, bn1, tanh, fc2, bn2, tanh, fc3,
     * sigmoid, with {@code train} passed on to both batch norms (Exercise 4). See
     * exercises.md#exercise-4-gradient-descent.
     */
    public Node forward(Matrix x, boolean train) {
        // BEGIN SOLUTION
        // STUB: throw new UnsupportedOperationException("Exercise 4 is not implemented yet: Model.forward (see exercises.md#exercise-4-gradient-descent)");
        Node hidden = bn1.apply(fc1.apply(new Node(x)), train).tanh();
        hidden = bn2.apply(fc2.apply(hidden), train).tanh();
        return fc3.apply(hidden).sigmoid();
        // END SOLUTION
    }

    /** Summed binary cross-entropy of the training-mode output; {@code y} is n x 1, like the output. */
    public Node loss(Matrix x, Matrix y) {
        if (y.cols() != 1 || y.rows() != x.rows()) {
            throw new IllegalArgumentException("loss: labels must be " + x.rows() + " x 1 like the output, got "
                    + y.shape() + "; an (n) vs (n x 1) mix is what broke the original notebook's loss");
        }
        Node p = forward(x, true);
        Node labels = new Node(y);
        // -sum(y log p + (1 - y) log(1 - p))
        Node positive = labels.mul(p.log());
        Node negative = labels.neg().add(1.0).mul(p.neg().add(1.0).log());
        return positive.add(negative).sum().neg();
    }

    /** A parameter as a named node, read from {@link #params} now, so its gradient is reported. */
    private Node param(String key) {
        return new Node(params.get(key), key);
    }
}
