package batchnorm;

import autodiff.Matrix;
import autodiff.Node;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The exercise's network with batch norm taken out, for {@code Train --compare}: 30 features ->
 * linear(30,20) + bias -> tanh -> linear(20,10) + bias -> tanh -> linear(10,1) -> sigmoid. Given by
 * the kit.
 *
 * <p>The two hidden layers get the biases that batch norm made redundant (Exercise 1); the last layer
 * has none, as in {@link Model}. The weights are drawn from the same {@code Random(seed)} in the same
 * order as {@code Model}'s, so both networks start from the same weights and differ only in batch norm.
 */
public final class NetworkWithoutBatchNorm implements Training.Network {
    /** Weights and biases by key ({@code weight_fc1}, {@code bias_fc1}, ...), in the order they were created. */
    private final Map<String, Matrix> params = new LinkedHashMap<>();
    private final Random random;
    /** fc1 and its tanh, fc2 and its tanh, fc3 and the sigmoid: each layer applies its own activation. */
    private final Layer hidden1;
    private final Layer hidden2;
    private final Layer output;

    /** Builds the network; weights are drawn from N(0, 1) with this seed, biases start at zero. */
    public NetworkWithoutBatchNorm(long seed) {
        random = new Random(seed);
        hidden1 = layer(30, 20, "fc1", true, Node::tanh);
        hidden2 = layer(20, 10, "fc2", true, Node::tanh);
        output = layer(10, 1, "fc3", false, Node::sigmoid);
    }

    /** A linear layer named {@code name}, with or without a bias, followed by {@code activation}. */
    private Layer layer(int fanIn, int fanOut, String name, boolean withBias, UnaryOperator<Node> activation) {
        String weight = "weight_" + name;
        params.put(weight, Matrix.randn(fanIn, fanOut, random));
        if (!withBias) {
            return x -> activation.apply(x.dot(param(weight)));
        }
        String bias = "bias_" + name;
        params.put(bias, Matrix.zeros(1, fanOut));
        // The 1 x fanOut bias row is added to every row of the n x fanOut product (broadcasting).
        return x -> activation.apply(x.dot(param(weight)).add(param(bias)));
    }

    @Override
    public Map<String, Matrix> params() {
        return params;
    }

    /** Without batch norm there is no mode: {@code train} changes nothing. */
    @Override
    public Node forward(Matrix x, boolean train) {
        return output.apply(hidden2.apply(hidden1.apply(new Node(x))));
    }

    /** The same loss as {@link Model#loss}, so that both networks' curves measure the same thing. */
    @Override
    public Node loss(Matrix x, Matrix y) {
        if (y.cols() != 1 || y.rows() != x.rows()) {
            throw new IllegalArgumentException("loss: labels must be " + x.rows() + " x 1 like the output, got " + y.shape());
        }
        Node p = forward(x, true);
        Node labels = new Node(y);
        // -sum(y log p + (1 - y) log(1 - p))
        return labels.mul(p.log()).add(labels.neg().add(1.0).mul(p.neg().add(1.0).log())).sum().neg();
    }

    private Node param(String key) {
        return new Node(params.get(key), key);
    }
}
