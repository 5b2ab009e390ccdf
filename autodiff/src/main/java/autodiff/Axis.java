package autodiff;

/** The two axes of a matrix: 0 runs down the rows (one result per column), 1 along them. */
final class Axis {
    private Axis() {}

    static void check(String op, int axis) {
        if (axis != 0 && axis != 1) {
            throw Check.failure("%s: axis must be 0 (per column, giving 1 x cols) or 1 (per row, giving rows x 1), got %d",
                    op, axis);
        }
    }
}
