package autodiff;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** An immutable dense {@code rows x cols} matrix of doubles, stored row-major in one array. */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** Takes ownership of {@code data}: callers pass a fresh array that nobody else holds. */
    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    // ---- factories -------------------------------------------------------------------------

    public static Matrix of(double[][] values) {
        Check.argument(values.length > 0 && values[0].length > 0,
                "Matrix.of: needs at least one row and one column");
        int cols = values[0].length;
        double[] data = new double[values.length * cols];
        for (int i = 0; i < values.length; i++) {
            Check.argument(values[i].length == cols, "Matrix.of: row %d has %d values, row 0 has %d",
                    i, values[i].length, cols);
            System.arraycopy(values[i], 0, data, i * cols, cols);
        }
        return new Matrix(values.length, cols, data);
    }

    /** A matrix from row-major values; the array is copied. */
    public static Matrix fromRowMajor(int rows, int cols, double... values) {
        checkShape(rows, cols);
        Check.argument(values.length == rows * cols,
                "Matrix.fromRowMajor: (%dx%d) needs %d values, got %d", rows, cols, rows * cols, values.length);
        return new Matrix(rows, cols, values.clone());
    }

    public static Matrix scalar(double value) {
        return new Matrix(1, 1, new double[] {value});
    }

    public static Matrix zeros(int rows, int cols) {
        return full(rows, cols, 0.0);
    }

    public static Matrix ones(int rows, int cols) {
        return full(rows, cols, 1.0);
    }

    public static Matrix full(int rows, int cols, double value) {
        checkShape(rows, cols);
        double[] data = new double[rows * cols];
        Arrays.fill(data, value);
        return new Matrix(rows, cols, data);
    }

    /** Standard-normal entries drawn from {@code random}, so a seeded Random gives the same matrix. */
    public static Matrix randn(int rows, int cols, Random random) {
        checkShape(rows, cols);
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return new Matrix(rows, cols, data);
    }

    private static void checkShape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw Check.failure("a matrix needs positive dimensions, got (%dx%d)", rows, cols);
        }
    }

    // ---- shape and element access ----------------------------------------------------------

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return data.length;
    }

    public boolean sameShape(Matrix other) {
        return rows == other.rows && cols == other.cols;
    }

    /** The shape as printed in every error message, e.g. {@code (50x30)}. */
    public String shape() {
        return "(" + rows + "x" + cols + ")";
    }

    public double get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("get(" + row + ", " + col + ") outside " + shape());
        }
        return data[row * cols + col];
    }

    /** The single value of a 1 x 1 matrix, such as a loss. */
    public double item() {
        if (data.length != 1) {
            throw Check.failure("item: needs a (1x1) matrix, got %s", shape());
        }
        return data[0];
    }

    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** A copy of the row-major values. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** The rows at {@code indices}, in that order (a mini-batch). */
    public Matrix selectRows(int[] indices) {
        double[] out = ArrayPool.array(indices.length * cols);
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i];
            if (row < 0 || row >= rows) {
                throw new IndexOutOfBoundsException("selectRows: row " + row + " outside " + shape());
            }
            System.arraycopy(data, row * cols, out, i * cols, cols);
        }
        return new Matrix(indices.length, cols, out);
    }

    /** A copy with entry (row, col) set to {@code value}; used by finite differences. */
    public Matrix with(int row, int col, double value) {
        get(row, col);
        double[] out = data.clone();
        out[row * cols + col] = value;
        return new Matrix(rows, cols, out);
    }

    // ---- element-wise arithmetic, with one-sided broadcasting (see Broadcast) --------------

    public Matrix add(Matrix other) {
        return elementwise("add", other, Kernel.ADD);
    }

    public Matrix sub(Matrix other) {
        return elementwise("sub", other, Kernel.SUB);
    }

    public Matrix mul(Matrix other) {
        return elementwise("mul", other, Kernel.MUL);
    }

    public Matrix div(Matrix other) {
        return elementwise("div", other, Kernel.DIV);
    }

    public Matrix add(double value) {
        double[] out = ArrayPool.array(data.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] + value;
        }
        return new Matrix(rows, cols, out);
    }

    public Matrix mul(double value) {
        double[] out = ArrayPool.array(data.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] * value;
        }
        return new Matrix(rows, cols, out);
    }

    public Matrix map(DoubleUnaryOperator function) {
        double[] out = ArrayPool.array(data.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = function.applyAsDouble(data[i]);
        }
        return new Matrix(rows, cols, out);
    }

    /** tanh of every entry, for {@link Node#tanh()}: bitwise {@code map(Tanh::of)}, in loops the JIT vectorises (see Tanh). */
    Matrix tanh() {
        double[] out = ArrayPool.array(data.length);
        Tanh.fill(data, out);
        return new Matrix(rows, cols, out);
    }

    /**
     * Combines two matrices entry by entry after broadcasting; {@code op} names the caller in errors.
     * For add, sub, mul and div prefer the named methods: they run a dedicated loop per operator.
     */
    public Matrix zip(String op, Matrix other, DoubleBinaryOperator function) {
        Matrix a = broadcastAgainst(op, other);
        Matrix b = other.broadcastAgainst(op, this);
        double[] out = ArrayPool.array(a.data.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = function.applyAsDouble(a.data[i], b.data[i]);
        }
        return new Matrix(a.rows, a.cols, out);
    }

    private Matrix elementwise(String op, Matrix other, Kernel kernel) {
        Matrix outer = Broadcast.outer(op, this, other);
        int outRows = outer.rows;
        int outCols = outer.cols;
        double[] out = ArrayPool.array(outRows * outCols);
        Matrix a = this;
        Matrix b = other;
        if (a.cols != outCols || (a.rows != outRows && b.rows == outRows && b.cols == outCols)) {
            // The narrow operand goes on the right, where the loops read it in place; sub and div keep their
            // order, so a column or scalar on their left is copied out along its rows (rare: x - mean is x + (-mean)).
            if (kernel.commutative()) {
                a = other;
                b = this;
            } else if (a.cols != outCols) {
                a = a.broadcastTo(a.rows, outCols);
            }
        }
        if (b.sameShape(a)) {
            kernel.run(a.data, 0, b.data, 0, out, 1, out.length);  // one flat loop over the whole matrix
        } else if (b.data.length == 1) {
            kernel.runPerRowValue(a.data, b.data, 0, out, 1, out.length);
        } else if (b.cols == outCols) {
            kernel.run(a.data, a.rows == 1 ? 0 : outCols, b.data, b.rows == 1 ? 0 : outCols, out, outRows, outCols);
        } else {
            kernel.runPerRowValue(a.data, b.data, 1, out, outRows, outCols);  // b is a column
        }
        return new Matrix(outRows, outCols, out);
    }

    /** This matrix repeated up to the shape of the pair's result, for {@link #zip}'s flat loop. */
    private Matrix broadcastAgainst(String op, Matrix other) {
        return broadcastTo(Broadcast.rows(op, this, other), Broadcast.cols(op, this, other));
    }

    // ---- linear algebra ----------------------------------------------------------------------

    /**
     * Which loops compute {@link #dot} and its transposed forms in this JVM, in words: the scalar ones, or the SIMD
     * ones of the optional module autodiff-simd (same results, bitwise). For benchmarks.
     */
    public static String productLoops() {
        return DotKernel.loops();
    }

    /** Matrix product (see DotKernel for the loop). */
    public Matrix dot(Matrix other) {
        return product("dot", this, false, other, false);
    }

    /** {@code this . other^T} without a transposed copy: for x . W, the gradient with respect to x is g . W^T. */
    public Matrix dotTransposed(Matrix other) {
        return product("dotTransposed", this, false, other, true);
    }

    /** {@code this^T . other} without a transposed copy: for x . W, the gradient with respect to W is x^T . g. */
    public Matrix transposedDot(Matrix other) {
        return product("transposedDot", this, true, other, false);
    }

    /** left . right, either read as its transpose; the error names both stored shapes, marking a transpose ^T. */
    private static Matrix product(String op, Matrix left, boolean leftTransposed, Matrix right, boolean rightTransposed) {
        int rows = leftTransposed ? left.cols : left.rows;
        int inner = leftTransposed ? left.rows : left.cols;
        int rightInner = rightTransposed ? right.cols : right.rows;
        int cols = rightTransposed ? right.rows : right.cols;
        if (inner != rightInner) {
            throw new IllegalArgumentException(op + ": " + left.shape() + (leftTransposed ? "^T" : "") + " . "
                    + right.shape() + (rightTransposed ? "^T" : "") + ": inner dimensions " + inner + " and "
                    + rightInner + " differ");
        }
        return new Matrix(rows, cols, DotKernel.multiply(left.operand(leftTransposed), right.operand(rightTransposed),
                rows, inner, cols));
    }

    private DotKernel.Operand operand(boolean transposed) {
        return transposed ? new DotKernel.Operand(data, 1, cols) : new DotKernel.Operand(data, cols, 1);
    }

    public Matrix transpose() {
        double[] out = ArrayPool.array(data.length);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = data[i * cols + j];
            }
        }
        return new Matrix(cols, rows, out);
    }

    // ---- reductions --------------------------------------------------------------------------

    public double sum() {
        double total = 0.0;
        for (double v : data) {
            total += v;
        }
        return total;
    }

    public double mean() {
        return sum() / data.length;
    }

    /** Axis 0 sums each column (giving 1 x cols); axis 1 sums each row (giving rows x 1). */
    public Matrix sum(int axis) {
        Axis.check("sum", axis);
        if (axis == 0) {
            return new Matrix(1, cols, columnSums());
        }
        double[] out = ArrayPool.array(rows);
        for (int i = 0; i < rows; i++) {
            double total = 0.0;
            for (int j = 0; j < cols; j++) {
                total += data[i * cols + j];
            }
            out[i] = total;
        }
        return new Matrix(rows, 1, out);
    }

    /**
     * Each column summed from the top row down, eight columns at a time in eight local sums (then four, then
     * one): the same sums, bitwise, as {@code s += row} for each row in turn, without loading and storing the
     * sums for every row (measured: a (50x20) matrix in 140 ns instead of 320 with four rows per pass over the
     * stored sums, a (50x10) in 90 instead of 145).
     */
    private double[] columnSums() {
        double[] out = ArrayPool.array(cols);
        int j = 0;
        for (; j + 7 < cols; j += 8) {
            eightColumnSums(j, out);
        }
        for (; j + 3 < cols; j += 4) {
            fourColumnSums(j, out);
        }
        for (; j < cols; j++) {
            double sum = 0;
            for (int at = j; at < data.length; at += cols) {
                sum += data[at];
            }
            out[j] = sum;
        }
        return out;
    }

    private void eightColumnSums(int first, double[] out) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int at = first; at < data.length; at += cols) {
            s0 += data[at];
            s1 += data[at + 1];
            s2 += data[at + 2];
            s3 += data[at + 3];
            s4 += data[at + 4];
            s5 += data[at + 5];
            s6 += data[at + 6];
            s7 += data[at + 7];
        }
        out[first] = s0;
        out[first + 1] = s1;
        out[first + 2] = s2;
        out[first + 3] = s3;
        out[first + 4] = s4;
        out[first + 5] = s5;
        out[first + 6] = s6;
        out[first + 7] = s7;
    }

    private void fourColumnSums(int first, double[] out) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int at = first; at < data.length; at += cols) {
            s0 += data[at];
            s1 += data[at + 1];
            s2 += data[at + 2];
            s3 += data[at + 3];
        }
        out[first] = s0;
        out[first + 1] = s1;
        out[first + 2] = s2;
        out[first + 3] = s3;
    }

    /** Axis 0 averages each column (giving 1 x cols); axis 1 averages each row (giving rows x 1). */
    public Matrix mean(int axis) {
        Axis.check("mean", axis);
        return sum(axis).mul(1.0 / (axis == 0 ? rows : cols));
    }

    /**
     * The population variance along an axis (dividing by n, as batch norm and numpy's {@code var} do): the
     * mean of the squared deviations from {@link #mean}. A value only, like every Matrix: it has no gradient.
     */
    public Matrix variance(int axis) {
        Matrix centered = sub(mean(axis));
        return centered.mul(centered).mean(axis);
    }

    /** Repeats a row, column or scalar up to {@code rows x cols}: the inverse of {@link #sumTo}. */
    public Matrix broadcastTo(int rows, int cols) {
        if (this.rows == rows && this.cols == cols) {
            return this;
        }
        if (!((this.rows == 1 || this.rows == rows) && (this.cols == 1 || this.cols == cols))) {
            throw Check.failure("broadcastTo: cannot repeat %s up to (%dx%d)", shape(), rows, cols);
        }
        double[] out = ArrayPool.array(rows * cols);
        if (this.rows == 1 && this.cols == cols) {
            Broadcast.repeatRow(data, cols, out, rows);
            return new Matrix(rows, cols, out);
        }
        for (int i = 0; i < rows; i++) {
            int from = this.rows == 1 ? 0 : i * this.cols;
            if (this.cols == 1) {
                Arrays.fill(out, i * cols, (i + 1) * cols, data[from]);
            } else {
                System.arraycopy(data, from, out, i * cols, cols);
            }
        }
        return new Matrix(rows, cols, out);
    }

    /** Sums a broadcast result back to a (1 x c), (r x 1) or (1 x 1) shape: how gradients flow back. */
    public Matrix sumTo(int targetRows, int targetCols) {
        if (rows == targetRows && cols == targetCols) {
            return this;
        }
        Matrix out = this;
        if (targetRows == 1 && rows != 1) {
            out = out.sum(0);
        }
        if (targetCols == 1 && cols != 1) {
            out = out.sum(1);
        }
        if (out.rows != targetRows || out.cols != targetCols) {
            throw Check.failure("sumTo: cannot sum %s down to (%dx%d)", shape(), targetRows, targetCols);
        }
        return out;
    }

    // ---- for Backprop only: gradients that nothing outside the backward pass has seen -------

    /**
     * Adds {@code other} (same shape) into this matrix, in place: {@link Backprop} accumulates a gradient this way
     * into an array it owns, which no one else holds yet. The same sum, entry by entry, as {@link #add}.
     */
    void accumulate(Matrix other) {
        if (!sameShape(other)) {
            throw Check.failure("accumulate: %s and %s differ", shape(), other.shape());
        }
        Kernel.ADD.run(data, 0, other.data, 0, data, 1, data.length);
    }

    /** Hands this matrix's array to {@link ArrayPool}; Backprop calls it only for a gradient nothing else holds. */
    void recycle() {
        ArrayPool.giveBack(data);
    }

    // ---- comparison and printing -------------------------------------------------------------

    /** True when the shapes match and every pair of entries differs by at most {@code atol}. */
    public boolean allClose(Matrix other, double atol) {
        if (!sameShape(other)) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (!(Math.abs(data[i] - other.data[i]) <= atol)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && sameShape(m) && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return MatrixFormat.format(this);
    }
}
