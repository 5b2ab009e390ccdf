package autodiff;

/** Prints a matrix as its shape and its corner values, so a large one stays one readable block. */
final class MatrixFormat {
    private static final int EDGE = 3;

    private MatrixFormat() {}

    static String format(Matrix m) {
        StringBuilder out = new StringBuilder("Matrix").append(m.shape()).append(" [");
        for (int i : shown(m.rows())) {
            if (i < 0) {
                out.append("\n  ...");
                continue;
            }
            out.append("\n  [");
            int[] cols = shown(m.cols());
            for (int c = 0; c < cols.length; c++) {
                out.append(c == 0 ? "" : ", ").append(cols[c] < 0 ? "..." : String.format("%.4g", m.get(i, cols[c])));
            }
            out.append(']');
        }
        return out.append("\n]").toString();
    }

    /** Indices to show along one dimension; -1 marks the elided middle. */
    private static int[] shown(int n) {
        if (n <= 2 * EDGE) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] some = new int[2 * EDGE + 1];
        for (int i = 0; i < EDGE; i++) {
            some[i] = i;
            some[EDGE + 1 + i] = n - EDGE + i;
        }
        some[EDGE] = -1;
        return some;
    }
}
