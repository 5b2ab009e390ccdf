package autodiff;

/**
 * The four arithmetic operators and the loops that apply them. Each operator has its own loop with the
 * operator written out, so that the loop compiles to straight, vectorisable code at every call site
 * rather than only where the JIT manages to inline a virtual {@code apply} (measured: about as fast as
 * the old shared loop, whose call sites the JIT did devirtualise). Broadcast columns and scalars are
 * read in place; a broadcast row is copied out to full size into a pooled buffer (see
 * {@link #runAgainstRepeatedRow}).
 */
enum Kernel {
    ADD, SUB, MUL, DIV;

    /** Whether {@code a op b == b op a} exactly (IEEE addition and multiplication are commutative). */
    boolean commutative() {
        return this == ADD || this == MUL;
    }

    /**
     * out (rows x cols) = a (op) b. A row step of cols walks a full matrix; a row step of 0 repeats the
     * operand's single row. Two full matrices run as one flat loop over all their entries.
     */
    void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
        if (rows > 1 && (aRowStep == 0) != (bRowStep == 0)) {
            runAgainstRepeatedRow(a, aRowStep == 0, b, out, rows, cols);
        } else {
            runFlat(a, b, out, rows * cols);
        }
    }

    /**
     * A full (rows x cols) operand against a row: the row is copied out to full size into a pooled buffer and
     * the two run as one flat loop. Each entry is still a[i] (op) b[i] of the same two numbers, so the result
     * is bitwise that of a loop over the rows. The JIT vectorises a loop over one short row, such as the
     * network's 20 or 10 features, poorly, and a loop whose three arrays start at different offsets not at all
     * (measured: a (50x20) * (1x20) took 430 ns in chunks of 13 rows against a repeated row, 160 ns so, copy
     * included; a flat (50x20) * (50x20) takes 95 ns).
     */
    private void runAgainstRepeatedRow(double[] a, boolean rowIsA, double[] b, double[] out, int rows, int cols) {
        double[] repeated = ArrayPool.array(rows * cols);
        Broadcast.repeatRow(rowIsA ? a : b, cols, repeated, rows);
        if (rowIsA) {
            runFlat(repeated, b, out, rows * cols);
        } else {
            runFlat(a, repeated, out, rows * cols);
        }
        ArrayPool.giveBack(repeated);
    }

    /** out[j] = a[j] (op) b[j] for j below length: every array from its start, the loop the JIT vectorises. */
    private void runFlat(double[] a, double[] b, double[] out, int length) {
        switch (this) {
            case ADD -> {
                for (int j = 0; j < length; j++) {
                    out[j] = a[j] + b[j];
                }
            }
            case SUB -> {
                for (int j = 0; j < length; j++) {
                    out[j] = a[j] - b[j];
                }
            }
            case MUL -> {
                for (int j = 0; j < length; j++) {
                    out[j] = a[j] * b[j];
                }
            }
            case DIV -> {
                for (int j = 0; j < length; j++) {
                    out[j] = a[j] / b[j];
                }
            }
        }
    }

    /**
     * out (rows x cols) = a (op) b, where a is full and b holds one value per row (a column, step 1) or one
     * for all rows (a scalar, step 0). A full matrix against a scalar runs as rows = 1, cols = its size.
     */
    void runPerRowValue(double[] a, double[] b, int bStep, double[] out, int rows, int cols) {
        for (int i = 0, bi = 0, o = 0; i < rows; i++, bi += bStep, o += cols) {
            double value = b[bi];
            switch (this) {
                case ADD -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[o + j] + value;
                    }
                }
                case SUB -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[o + j] - value;
                    }
                }
                case MUL -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[o + j] * value;
                    }
                }
                case DIV -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[o + j] / value;
                    }
                }
            }
        }
    }
}
