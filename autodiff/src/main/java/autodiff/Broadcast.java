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
    private static Matrix outer(String op, Matrix a, Matrix b) {
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
}
