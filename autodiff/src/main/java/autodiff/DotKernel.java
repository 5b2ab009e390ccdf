package autodiff;

/**
 * The matrix product's inner loops, register-blocked: each pass computes a 2 x 4 tile of the result
 * in eight local sums. The network's matrices are narrow (20, 10 or 1 columns), too short for the
 * JIT to vectorise a plain i-k-j loop, and the tile runs about 2.5x faster on them. Every entry is
 * still summed over k in ascending order, so the result is bitwise that of the textbook loop.
 */
final class DotKernel {
    private DotKernel() {}

    /** out (rows x n) = a (rows x inner) . b (inner x n), all row-major. */
    static double[] multiply(double[] a, double[] b, int rows, int inner, int n) {
        double[] out = new double[rows * n];
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                tile(a, b, out, i, j, inner, n);
            }
            for (; j < n; j++) {
                out[i * n + j] = entry(a, b, i, j, inner, n);
                out[(i + 1) * n + j] = entry(a, b, i + 1, j, inner, n);
            }
        }
        for (; i < rows; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = entry(a, b, i, j, inner, n);
            }
        }
        return out;
    }

    private static void tile(double[] a, double[] b, double[] out, int i, int j, int inner, int n) {
        int row0 = i * inner;
        int row1 = row0 + inner;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int k = 0, bk = j; k < inner; k++, bk += n) {
            double x0 = a[row0 + k];
            double x1 = a[row1 + k];
            double b0 = b[bk];
            double b1 = b[bk + 1];
            double b2 = b[bk + 2];
            double b3 = b[bk + 3];
            s00 += x0 * b0;
            s01 += x0 * b1;
            s02 += x0 * b2;
            s03 += x0 * b3;
            s10 += x1 * b0;
            s11 += x1 * b1;
            s12 += x1 * b2;
            s13 += x1 * b3;
        }
        int o0 = i * n + j;
        int o1 = o0 + n;
        out[o0] = s00;
        out[o0 + 1] = s01;
        out[o0 + 2] = s02;
        out[o0 + 3] = s03;
        out[o1] = s10;
        out[o1 + 1] = s11;
        out[o1 + 2] = s12;
        out[o1 + 3] = s13;
    }

    private static double entry(double[] a, double[] b, int i, int j, int inner, int n) {
        double total = 0;
        for (int k = 0; k < inner; k++) {
            total += a[i * inner + k] * b[k * n + j];
        }
        return total;
    }
}
