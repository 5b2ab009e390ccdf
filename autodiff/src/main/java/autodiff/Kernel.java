package autodiff;

/**
 * The four arithmetic loops. Each operator has its own loops, so the JIT compiles tight loops per
 * operator instead of one that calls through a lambda for every entry. Two full matrices run as one
 * flat, vectorisable loop; a row broadcast down the result (row step 0) is read in place rather than
 * copied out to full size, since allocating and zeroing such copies was the largest single cost of a
 * training step.
 */
enum Kernel {
    ADD {
        @Override
        void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
            if (aRowStep == bRowStep) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[i] + b[i];
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int ai = i * aRowStep;
                int bi = i * bRowStep;
                int o = i * cols;
                for (int j = 0; j < cols; j++) {
                    out[o + j] = a[ai + j] + b[bi + j];
                }
            }
        }
    },
    SUB {
        @Override
        void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
            if (aRowStep == bRowStep) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[i] - b[i];
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int ai = i * aRowStep;
                int bi = i * bRowStep;
                int o = i * cols;
                for (int j = 0; j < cols; j++) {
                    out[o + j] = a[ai + j] - b[bi + j];
                }
            }
        }
    },
    MUL {
        @Override
        void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
            if (aRowStep == bRowStep) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[i] * b[i];
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int ai = i * aRowStep;
                int bi = i * bRowStep;
                int o = i * cols;
                for (int j = 0; j < cols; j++) {
                    out[o + j] = a[ai + j] * b[bi + j];
                }
            }
        }
    },
    DIV {
        @Override
        void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
            if (aRowStep == bRowStep) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[i] / b[i];
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int ai = i * aRowStep;
                int bi = i * bRowStep;
                int o = i * cols;
                for (int j = 0; j < cols; j++) {
                    out[o + j] = a[ai + j] / b[bi + j];
                }
            }
        }
    };

    /**
     * out (rows x cols) = a (op) b. A row step of cols walks a full matrix; a row step of 0 repeats
     * the operand's single row. Equal steps mean both operands have the result's shape.
     */
    abstract void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols);
}
