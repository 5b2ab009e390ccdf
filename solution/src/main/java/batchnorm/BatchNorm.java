package batchnorm;

import autodiff.Node;

/**
 * A batch-normalization layer: normalizes each feature of a batch, then scales by gamma and shifts
 * by beta. Given by the kit, not edited by students.
 */
@FunctionalInterface
public interface BatchNorm {
    /**
     * @param x     a batch, n x fanIn
     * @param train true to use the batch's statistics and update the running averages; false to use
     *              the running averages and change nothing
     */
    Node apply(Node x, boolean train);

    /** Training mode, the default while the network learns. */
    default Node apply(Node x) {
        return apply(x, true);
    }
}
