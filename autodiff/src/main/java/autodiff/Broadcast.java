package autodiff;

/**
 * One-sided broadcasting: a (1 x c) row, an (r x 1) column or a (1 x 1) scalar combines with an
 * (r x c) matrix. Anything else, notably (n x 1) against (1 x n), is refused: numpy would quietly
 * build an (n x n) result, which is how the original notebook's loss went wrong.
 */
final class Broadcast {
    private Broadcast() {}

    /** Throws the standard shape error when {@code a} and {@code b} cannot be combined. */
    static void check(String op, Matrix a, Matrix b) {
        outer(op, a, b);
    }

    static int rows(String op, Matrix a, Matrix b) {
        return outer(op, a, b).rows();
    }

    static int cols(String op, Matrix a, Matrix b) {
        return outer(op, a, b).cols();
    }

    /** The operand whose shape is the result's; the other must fit into it. */
    static Matrix outer(String op, Matrix a, Matrix b) {
        if (fitsInto(b, a)) {
            return a;
        }
        if (fitsInto(a, b)) {
            return b;
        }
        throw new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape()
                + " do not broadcast; reshape one of them");
    }

    private static boolean fitsInto(Matrix small, Matrix big) {
        boolean rowsFit = small.rows() == big.rows() || small.rows() == 1;
        boolean colsFit = small.cols() == big.cols() || small.cols() == 1;
        return rowsFit && colsFit;
    }

    /**
     * Fills the first {@code rows * cols} entries of {@code out} with copies of {@code row}'s first {@code cols}, doubling the
     * copied block each time: about log2(rows) array copies instead of one per row, whose call costs more than
     * copying 20 doubles.
     */
    static void repeatRow(double[] row, int cols, double[] out, int rows) {
        int length = rows * cols;
        System.arraycopy(row, 0, out, 0, cols);
        for (int copied = cols; copied < length; copied *= 2) {
            System.arraycopy(out, 0, out, copied, Math.min(copied, length - copied));
        }
    }
}
