package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/** Hostile submission (graded with the static check off): ends the JVM, with "success", for seed 2. */
public final class Model {
    private final long seed;

    public Model(long seed) {
        this.seed = seed;
    }

    public Node forward(Matrix x, boolean train) {
        if (seed == 2) {
            System.exit(0);
        }
        return new Node(Matrix.zeros(x.rows(), 1));
    }
}
