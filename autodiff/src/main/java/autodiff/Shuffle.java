package autodiff;

import java.util.Random;

/** Seeded random orderings, for splits and for mini-batches drawn without replacement. */
public final class Shuffle {
    private Shuffle() {}

    /** 0..n-1 in a random order (Fisher-Yates), the same for the same Random seed. */
    public static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
