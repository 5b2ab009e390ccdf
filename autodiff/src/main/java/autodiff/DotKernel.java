package autodiff;

/**
 * The matrix product's inner loops, register-blocked: each pass computes a 4 x 4 tile of the result in
 * sixteen local sums (a 2 x 4, 2 x 2 or 2 x 1 tile at the edges). The network's matrices are narrow (20, 10
 * or 1 columns), too short for the JIT to vectorise a plain i-k-j loop (measured: an i-k-j loop took 2.5x
 * the 2 x 4 tile's time on (50x30) . (30x20)). The 4 x 4 tile loads each operand entry for four sums
 * instead of two, and the 2 x 2 tile replaces two 2 x 1 passes where 10 columns leave two over (measured,
 * per product: (50x30) . (30x20) 5.8 to 5.3 us, (50x20) . (20x10) 2.4 to 1.9 us, (50x1) . (1x10) 480 to 320 ns). Either operand may be read transposed, through its strides, so that the backward
 * pass's {@code g . W^T} and {@code x^T . g} need no transposed copy. Every entry is still summed over k
 * in ascending order, so the result is bitwise that of the textbook loop.
 *
 * <p>Where the optional module autodiff-simd is on the class path and the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, its SIMD loops compute every product at least 4 columns wide
 * instead, to the same bits. Nothing else in the kit needs them: the students' builds and the grader's test
 * JVMs run these loops. {@code -Dautodiff.simd=false} turns them off, to compare.
 */
final class DotKernel {
    /** The JDK module that the SIMD loops need; an incubator module, so it is never in a JVM unless asked for. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String SIMD_LOOPS = "autodiff.VectorProducts";
    private static final String SCALAR = "scalar (4 x 4 register tiles)";
    /** Why the scalar loops run, when they do; set once, by {@link #findSimdLoops}. */
    private static String scalarBecause = "";
    private static final Accelerated SIMD = findSimdLoops();

    private DotKernel() {}

    /** Another implementation of {@link #multiply}, to the same bits: autodiff-simd's VectorProducts. */
    interface Accelerated {
        double[] multiply(Operand a, Operand b, int rows, int inner, int n);
    }

    /** What computes products in this JVM, and why, in words, for benchmarks and their readers. */
    static String loops() {
        return SIMD != null ? "SIMD (" + VECTOR_MODULE + ", 4 doubles per vector) for products at least 4 columns wide"
                : SCALAR + ": " + scalarBecause;
    }

    /**
     * Looked up by name, since this module cannot depend on one that needs an incubator module to compile; any
     * reason it cannot run (turned off, the module not added, not on the class path, no 256-bit vectors) leaves
     * the scalar loops.
     */
    private static Accelerated findSimdLoops() {
        if ("false".equals(System.getProperty("autodiff.simd"))) {
            scalarBecause = "-Dautodiff.simd=false";
            return null;
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            scalarBecause = "java --add-modules " + VECTOR_MODULE + " runs autodiff-simd's SIMD loops where they are"
                    + " on the class path";
            return null;
        }
        try {
            return (Accelerated) Class.forName(SIMD_LOOPS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError unavailable) {
            Throwable cause = unavailable.getCause() != null ? unavailable.getCause() : unavailable;
            scalarBecause = "autodiff-simd's SIMD loops cannot run here (" + cause + ")";
            return null;
        }
    }

    /**
     * How to read one operand: entry (r, c) of the matrix it stands for is {@code data[r * rowStride + c * colStride]}.
     * A row-major (rows x cols) array is {@code (cols, 1)}; the same array read as its transpose is {@code (1, cols)}.
     */
    record Operand(double[] data, int rowStride, int colStride) {}

    /** out (rows x n, row-major) = a (rows x inner) . b (inner x n). */
    static double[] multiply(Operand a, Operand b, int rows, int inner, int n) {
        if (SIMD != null && n >= 4) {
            return SIMD.multiply(a, b, rows, inner, n);
        }
        double[] out = ArrayPool.array(rows * n);  // every entry is written below
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                quadTile(a, b, out, i, j, inner, n);
            }
            for (int pair = i; pair < i + 4; pair += 2) {
                edgeColumns(a, b, out, pair, j, inner, n);
            }
        }
        for (; i + 1 < rows; i += 2) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                tile(a, b, out, i, j, inner, n);
            }
            edgeColumns(a, b, out, i, j, inner, n);
        }
        if (i < rows) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = entry(a, b, i, j, inner);
            }
        }
        return out;
    }

    /** Rows i and i + 1 of the columns from {@code first} on, fewer than 4: two at a time, then one. */
    static void edgeColumns(Operand a, Operand b, double[] out, int i, int first, int inner, int n) {
        int j = first;
        for (; j + 1 < n; j += 2) {
            pairTile(a, b, out, i, j, inner, n);
        }
        if (j < n) {
            column(a, b, out, i, j, inner, n);
        }
    }

    private static void quadTile(Operand a, Operand b, double[] out, int i, int j, int inner, int n) {
        double[] x = a.data;
        double[] y = b.data;
        int ak = a.colStride;
        int ai = a.rowStride;
        int bk = b.rowStride;
        int bj = b.colStride;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
        double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
        double s30 = 0, s31 = 0, s32 = 0, s33 = 0;
        for (int k = 0, x0 = i * ai, y0 = j * bj; k < inner; k++, x0 += ak, y0 += bk) {
            double a0 = x[x0];
            double a1 = x[x0 + ai];
            double a2 = x[x0 + 2 * ai];
            double a3 = x[x0 + 3 * ai];
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
            s20 += a2 * b0;
            s21 += a2 * b1;
            s22 += a2 * b2;
            s23 += a2 * b3;
            s30 += a3 * b0;
            s31 += a3 * b1;
            s32 += a3 * b2;
            s33 += a3 * b3;
        }
        store(out, i * n + j, s00, s01, s02, s03);
        store(out, (i + 1) * n + j, s10, s11, s12, s13);
        store(out, (i + 2) * n + j, s20, s21, s22, s23);
        store(out, (i + 3) * n + j, s30, s31, s32, s33);
    }

    private static void store(double[] out, int at, double s0, double s1, double s2, double s3) {
        out[at] = s0;
        out[at + 1] = s1;
        out[at + 2] = s2;
        out[at + 3] = s3;
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
        store(out, i * n + j, s00, s01, s02, s03);
        store(out, (i + 1) * n + j, s10, s11, s12, s13);
    }

    private static void pairTile(Operand a, Operand b, double[] out, int i, int j, int inner, int n) {
        double[] x = a.data;
        double[] y = b.data;
        int ak = a.colStride;
        int bk = b.rowStride;
        int bj = b.colStride;
        double s00 = 0, s01 = 0;
        double s10 = 0, s11 = 0;
        for (int k = 0, x0 = i * a.rowStride, x1 = x0 + a.rowStride, y0 = j * bj; k < inner; k++, x0 += ak, x1 += ak, y0 += bk) {
            double a0 = x[x0];
            double a1 = x[x1];
            double b0 = y[y0];
            double b1 = y[y0 + bj];
            s00 += a0 * b0;
            s01 += a0 * b1;
            s10 += a1 * b0;
            s11 += a1 * b1;
        }
        int o0 = i * n + j;
        int o1 = o0 + n;
        out[o0] = s00;
        out[o0 + 1] = s01;
        out[o1] = s10;
        out[o1 + 1] = s11;
    }

    /** Entries (i, j) and (i + 1, j) in one pass over k: the last column of an odd width, such as n = 1. */
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

    static double entry(Operand a, Operand b, int i, int j, int inner) {
        double total = 0;
        for (int k = 0; k < inner; k++) {
            total += a.data[i * a.rowStride + k * a.colStride] * b.data[k * b.rowStride + j * b.colStride];
        }
        return total;
    }
}
