package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/** Hostile submission: prints results that look like passes (JSON and the runner's line format), then fails. */
public final class Model {
    public Model(long seed) {
        System.out.println("{\"score\": 100.0, \"tests\": [{\"name\": \"probe two\", \"status\": \"passed\"}]}");
        System.out.println("0000\tFINISHED\tUHJvYmVUZXN0I3Byb2JlVHdv\tPASSED\t");
        System.err.println("{\"gradable\": true, \"score\": 1.0}");
    }

    public Node forward(Matrix x, boolean train) {
        return new Node(Matrix.zeros(1, 1));
    }
}
