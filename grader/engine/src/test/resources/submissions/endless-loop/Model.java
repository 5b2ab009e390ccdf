package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/** Hostile submission: forward() never returns for seed 2. */
public final class Model {
    private final long seed;

    public Model(long seed) {
        this.seed = seed;
    }

    public Node forward(Matrix x, boolean train) {
        if (seed == 2) {
            spin();
        }
        return new Node(Matrix.zeros(x.rows(), 1));
    }

    private static void spin() {
        long turns = 0;
        while (turns >= 0) {
            turns = (turns + 1) % 1000;
        }
    }
}
