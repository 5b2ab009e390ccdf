package autodiff;

/**
 * The matrix product's inner loops, register-blocked: each pass computes a 2 x 4 tile of the result
 * in eight local sums (or a 2 x 1 tile for the last columns). The network's matrices are narrow (20, 10
 * or 1 columns), too short for the JIT to vectorise a plain i-k-j loop, and the tile runs about 2.5x
 * faster on them. Either operand may be read transposed, through its strides, so that the backward
 * pass's {@code g . W^T} and {@code x^T . g} need no transposed copy. Every entry is still summed over k
 * in ascending order, so the result is bitwise that of the textbook loop.
 */
final class DotKernel {
    private DotKernel() {}

    /**
     * How to read one operand: entry (r, c) of the matrix it stands for is {@code data[r * rowStride + c * colStride]}.
     * A row-major (rows x cols) array is {@code (cols, 1)}; the same array read as its transpose is {@code (1, cols)}.
     */
    record Operand(double[] data, int rowStride, int colStride) {}

    /** out (rows x n, row-major) = a (rows x inner) . b (inner x n). */
    static double[] multiply(Operand a, Operand b, int rows, int inner, int n) {
        double[] out = ArrayPool.array(rows * n);  // every entry is written below
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                tile(a, b, out, i, j, inner, n);
            }
            for (; j < n; j++) {
                column(a, b, out, i, j, inner, n);
            }
        }
        if (i < rows) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = entry(a, b, i, j, inner);
            }
        }
        return out;
    }

    private static void tile(Operand a, Operand b, double[] out, int i, int j, int inner, int n) {
        double[] x = a.data;
        double[] y = b.data;
        int ak = a.colStride;
        int bk = b.rowStride;
        int bj = b.colStride;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int k = 0, x0 = i * a.rowStride, x1 = x0 + a.rowStride, y0 = j * bj; k < inner; k++, x0 += ak, x1 += ak, y0 += bk) {
            double a0 = x[x0];
            double a1 = x[x1];
            double b0 = y[y0];
            double b1 = y[y0 + bj];
            double b2 = y[y0 + 2 * bj];
            double b3 = y[y0 + 3 * bj];
            s00 += a0 * b0;
            s01 += a0 * b1;
            s02 += a0 * b2;
            s03 += a0 * b3;
            s10 += a1 * b0;
            s11 += a1 * b1;
            s12 += a1 * b2;
            s13 += a1 * b3;
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

    /** Entries (i, j) and (i + 1, j) in one pass over k: the columns left of a product less than 4 wide, such as n = 1. */
    private static void column(Operand a, Operand b, double[] out, int i, int j, int inner, int n) {
        double[] x = a.data;
        double[] y = b.data;
        int ak = a.colStride;
        int bk = b.rowStride;
        double s0 = 0, s1 = 0;
        for (int k = 0, x0 = i * a.rowStride, x1 = x0 + a.rowStride, y0 = j * b.colStride; k < inner; k++, x0 += ak, x1 += ak, y0 += bk) {
            double bValue = y[y0];
            s0 += x[x0] * bValue;
            s1 += x[x1] * bValue;
        }
        out[i * n + j] = s0;
        out[(i + 1) * n + j] = s1;
    }

    private static double entry(Operand a, Operand b, int i, int j, int inner) {
        double total = 0;
        for (int k = 0; k < inner; k++) {
            total += a.data[i * a.rowStride + k * a.colStride] * b.data[k * b.rowStride + j * b.colStride];
        }
        return total;
    }
}
