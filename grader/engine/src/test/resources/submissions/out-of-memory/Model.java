package batchnorm;

import autodiff.Matrix;
import autodiff.Node;
import java.util.ArrayList;
import java.util.List;

/** Hostile submission: allocates until the heap is full for seed 2. */
public final class Model {
    private final long seed;
    private final List<double[]> hoard = new ArrayList<>();

    public Model(long seed) {
        this.seed = seed;
    }

    public Node forward(Matrix x, boolean train) {
        while (seed == 2) {
            hoard.add(new double[1 << 20]);
        }
        return new Node(Matrix.zeros(x.rows(), 1));
    }
}
