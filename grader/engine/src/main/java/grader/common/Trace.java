package grader.common;

/**
 * Phase timings on stderr when the JVM runs with {@code -Dgrader.trace=true}: where a grade spends its
 * time (start-up, compilation, tests). Silent otherwise.
 */
public final class Trace {
    private static final boolean ON = Boolean.getBoolean("grader.trace");
    private static final long START = System.nanoTime();
    private static boolean started;

    private Trace() {}

    public static void mark(String phase) {
        if (ON && !started) {
            started = true;
            ProcessHandle.current().info().startInstant().ifPresent(jvmStart -> System.err.printf(java.util.Locale.ROOT,
                    "[trace] the JVM started %d ms before the first mark%n",
                    java.time.Duration.between(jvmStart, java.time.Instant.now()).toMillis()));
        }
        if (ON) {
            System.err.printf(java.util.Locale.ROOT, "[trace %6.0f ms] %s%n", (System.nanoTime() - START) / 1e6, phase);
        }
    }
}
