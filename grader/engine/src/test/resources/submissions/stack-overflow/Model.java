package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/** Hostile submission: recursion without end for seed 2. */
public final class Model {
    private final long seed;

    public Model(long seed) {
        this.seed = seed;
    }

    public Node forward(Matrix x, boolean train) {
        if (seed == 2) {
            return forward(x, train);
        }
        return new Node(Matrix.zeros(x.rows(), 1));
    }
}
