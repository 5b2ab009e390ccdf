package batchnorm;

import autodiff.Shuffle;
import java.util.Arrays;
import java.util.Random;

/**
 * Row indices of mini-batches drawn without replacement: each epoch is a fresh shuffle of all rows,
 * cut into batches of {@code batchSize}. Given by the kit.
 *
 * <p>The few rows left over at the end of an epoch are skipped rather than served as a small batch:
 * batch norm needs a real batch, and a batch of one row has variance 0.
 */
public final class MiniBatches {
    private final int rows;
    private final int batchSize;
    private final Random random;
    private int[] order = new int[0];
    private int next;

    public MiniBatches(int rows, int batchSize, Random random) {
        if (batchSize < 1 || batchSize > rows) {
            throw new IllegalArgumentException("batch size must be between 1 and the " + rows + " training rows, got " + batchSize);
        }
        this.rows = rows;
        this.batchSize = batchSize;
        this.random = random;
    }

    /** The rows of the next batch; a new epoch starts (and reshuffles) when too few rows are left. */
    public int[] next() {
        if (next + batchSize > order.length) {
            order = Shuffle.permutation(rows, random);
            next = 0;
        }
        int[] batch = Arrays.copyOfRange(order, next, next + batchSize);
        next += batchSize;
        return batch;
    }
}
