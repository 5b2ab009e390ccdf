package grader.bench;

/**
 * The benchmark's same-run baseline: the matrix products of one training run (forward and backward
 * of the three linear layers, every step) done with textbook triple loops on double[][] and no
 * autodiff at all. Timing both in one JVM makes the ratio meaningful on a busy or unfamiliar machine,
 * where a bare number of milliseconds is not.
 */
final class TextbookBaseline {
    /** Weight shapes of the network, fanIn x fanOut. */
    private static final int[][] LAYERS = {{30, 20}, {20, 10}, {10, 1}};

    private TextbookBaseline() {}

    /** Runs {@code steps} steps of the products on batches of {@code batchSize}; returns a checksum. */
    static double run(int steps, int batchSize) {
        double checksum = 0;
        for (int step = 0; step < steps; step++) {
            for (int[] layer : LAYERS) {
                double[][] input = filled(batchSize, layer[0], step);
                double[][] weight = filled(layer[0], layer[1], step + 1);
                double[][] upstream = filled(batchSize, layer[1], step + 2);
                checksum += product(input, weight)[0][0];                       // forward: x . W
                checksum += product(transpose(input), upstream)[0][0];         // dW = x^T . g
                checksum += product(upstream, transpose(weight))[0][0];        // dx = g . W^T
            }
        }
        return checksum;
    }

    private static double[][] product(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double total = 0;
                for (int k = 0; k < b.length; k++) {
                    total += a[i][k] * b[k][j];
                }
                out[i][j] = total;
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] filled(int rows, int cols, int seed) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = ((i * 31 + j * 17 + seed) % 13) / 13.0 - 0.5;
            }
        }
        return out;
    }
}
