package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/** Template for the grader's tests: the smallest Model the probes accept; tests put code at BODY. */
public final class Model {
    private final long seed;

    public Model(long seed) {
        this.seed = seed;
    }

    public Node forward(Matrix x, boolean train) {
        /* BODY */
        return new Node(Matrix.zeros(x.rows(), 1));
    }
}
