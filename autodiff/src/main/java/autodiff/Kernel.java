package autodiff;

/**
 * The four arithmetic loops over two arrays of the same length. Each operator has its own loop, so
 * the JIT compiles a tight, vectorisable loop per operator instead of one loop that calls through a
 * lambda for every entry.
 */
enum Kernel {
    ADD {
        @Override
        void run(double[] a, double[] b, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] + b[i];
            }
        }
    },
    SUB {
        @Override
        void run(double[] a, double[] b, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] - b[i];
            }
        }
    },
    MUL {
        @Override
        void run(double[] a, double[] b, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] * b[i];
            }
        }
    },
    DIV {
        @Override
        void run(double[] a, double[] b, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = a[i] / b[i];
            }
        }
    };

    abstract void run(double[] a, double[] b, double[] out);
}
