package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/** Hostile submission: prints without end for seed 2. */
public final class Model {
    private final long seed;

    public Model(long seed) {
        this.seed = seed;
    }

    public Node forward(Matrix x, boolean train) {
        String line = "flood ".repeat(100);
        while (seed == 2) {
            System.out.println(line);
        }
        return new Node(Matrix.zeros(x.rows(), 1));
    }
}
