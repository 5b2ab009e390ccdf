package autodiff;

/**
 * The four arithmetic operators and the loops that apply them. Two full matrices run as one flat,
 * vectorisable loop; a row broadcast down the result (row step 0) is read in place rather than copied
 * out to full size, since allocating and zeroing such copies was the largest single cost of a training
 * step.
 */
enum Kernel {
    ADD {
        @Override
        double apply(double a, double b) {
            return a + b;
        }
    },
    SUB {
        @Override
        double apply(double a, double b) {
            return a - b;
        }
    },
    MUL {
        @Override
        double apply(double a, double b) {
            return a * b;
        }
    },
    DIV {
        @Override
        double apply(double a, double b) {
            return a / b;
        }
    };

    abstract double apply(double a, double b);

    /**
     * out (rows x cols) = a (op) b. A row step of cols walks a full matrix; a row step of 0 repeats
     * the operand's single row. Equal steps mean both operands have the result's shape.
     */
    final void run(double[] a, int aRowStep, double[] b, int bRowStep, double[] out, int rows, int cols) {
        if (aRowStep == bRowStep) {
            for (int i = 0; i < out.length; i++) {
                out[i] = apply(a[i], b[i]);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int ai = i * aRowStep;
            int bi = i * bRowStep;
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                out[o + j] = apply(a[ai + j], b[bi + j]);
            }
        }
    }
}
