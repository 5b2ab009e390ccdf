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
        for (int i = 0, ai = 0, bi = 0, o = 0; i < rows; i++, ai += aRowStep, bi += bRowStep, o += cols) {
            switch (this) {
                case ADD -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[ai + j] + b[bi + j];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[ai + j] - b[bi + j];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[ai + j] * b[bi + j];
                    }
                }
                case DIV -> {
                    for (int j = 0; j < cols; j++) {
                        out[o + j] = a[ai + j] / b[bi + j];
                    }
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
