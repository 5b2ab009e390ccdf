package grader.pipeline;

/**
 * Phase timings on stderr when the JVM runs with {@code -Dgrader.trace=true}: where a grade spends its
 * time (start-up, compilation, tests). Silent otherwise.
 */
public final class Trace {
    private static final boolean ON = Boolean.getBoolean("grader.trace");
    private static final long START = System.nanoTime();

    private Trace() {}

    public static void mark(String phase) {
        if (ON) {
            System.err.printf(java.util.Locale.ROOT, "[trace %6.0f ms] %s%n", (System.nanoTime() - START) / 1e6, phase);
        }
    }
}
