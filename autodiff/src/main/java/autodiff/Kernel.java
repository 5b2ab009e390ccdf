package autodiff;

/**
 * The four arithmetic operators and the loops that apply them. Each operator has its own loop with the
 * operator written out, so that the loop compiles to straight, vectorisable code at every call site
 * rather than only where the JIT manages to inline a virtual {@code apply} (measured: about as fast as
 * the old shared loop, whose call sites the JIT did devirtualise). Broadcast rows, columns and scalars are
 * read in place rather than copied out to full size, which with the transpose-free products cut a
 * training step's allocation from 339 to 310 KB.
 */
enum Kernel {
    ADD, SUB, MUL, DIV;

    /** Whether {@code a op b == b op a} exactly (IEEE addition and multiplication are commutative). */
    boolean commutative() {
        return this == ADD || this == MUL;
    }

    /**
     * out (rows x cols) = a (op) b, row by row. A row step of cols walks a full matrix; a row step of 0
     * repeats the operand's single row. Two full matrices run as rows = 1, cols = their size: one flat loop.
     */
    void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
        if (rows > 1 && cols < LONG_LOOP && (aRowStep == 0) != (bRowStep == 0)) {
            runAgainstRepeatedRow(a, aRowStep == 0, b, out, rows, cols);
            return;
        }
        for (int i = 0, ai = 0, bi = 0, o = 0; i < rows; i++, ai += aRowStep, bi += bRowStep, o += cols) {
            runFlat(a, ai, b, bi, out, o, cols);
        }
    }

    /**
     * Loops this long or longer run at the vector units' speed; the JIT leaves a loop over one short row,
     * such as the network's 20 or 10 features, mostly scalar (measured: a (50x20) + (1x20) took 690 ns, a
     * flat (50x20) + (50x20) 410 ns, both with allocation).
     */
    static final int LONG_LOOP = 256;

    /**
     * A full (rows x cols) operand against a row: the row is copied out a few times into a pooled buffer of
     * about {@link #LONG_LOOP} entries, and the full operand runs against it in flat chunks of that length.
     * Each entry is still a[i] (op) b[i] of the same two numbers, so the result is bitwise that of the row loop.
     */
    private void runAgainstRepeatedRow(double[] a, boolean rowIsA, double[] b, double[] out, int rows, int cols) {
        double[] row = rowIsA ? a : b;
        double[] full = rowIsA ? b : a;
        int rowsPerChunk = Math.min(rows, (LONG_LOOP + cols - 1) / cols);
        double[] repeated = ArrayPool.array(rowsPerChunk * cols);
        for (int r = 0; r < rowsPerChunk; r++) {
            System.arraycopy(row, 0, repeated, r * cols, cols);
        }
        for (int first = 0; first < rows; first += rowsPerChunk) {
            int offset = first * cols;
            int length = Math.min(rowsPerChunk, rows - first) * cols;
            if (rowIsA) {
                runFlat(repeated, 0, full, offset, out, offset, length);
            } else {
                runFlat(full, offset, repeated, 0, out, offset, length);
            }
        }
        ArrayPool.giveBack(repeated);
    }

    /** out[o + j] = a[ai + j] (op) b[bi + j] for j below length. */
    private void runFlat(double[] a, int ai, double[] b, int bi, double[] out, int o, int length) {
        switch (this) {
            case ADD -> {
                for (int j = 0; j < length; j++) {
                    out[o + j] = a[ai + j] + b[bi + j];
                }
            }
            case SUB -> {
                for (int j = 0; j < length; j++) {
                    out[o + j] = a[ai + j] - b[bi + j];
                }
            }
            case MUL -> {
                for (int j = 0; j < length; j++) {
                    out[o + j] = a[ai + j] * b[bi + j];
                }
            }
            case DIV -> {
                for (int j = 0; j < length; j++) {
                    out[o + j] = a[ai + j] / b[bi + j];
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
