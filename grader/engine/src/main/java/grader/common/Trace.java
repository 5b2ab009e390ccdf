package grader.common;

/**
 * Phase timings on stderr when the JVM runs with {@code -Dgrader.trace=true}: where a grade spends its
 * time (start-up, compilation, tests), in wall time since this class loaded and in this process's processor
 * time. A child JVM given the same property traces its phases into its console. Silent otherwise.
 */
public final class Trace {
    private static final boolean ON = Boolean.getBoolean("grader.trace");
    private static final long START = System.nanoTime();
    private static boolean started;

    private Trace() {}

    public static boolean on() {
        return ON;
    }

    public static void mark(String phase) {
        if (ON && !started) {
            started = true;
            ProcessHandle.current().info().startInstant().ifPresent(jvmStart -> System.err.printf(java.util.Locale.ROOT,
                    "[trace] the JVM started %d ms before the first mark%n",
                    java.time.Duration.between(jvmStart, java.time.Instant.now()).toMillis()));
        }
        if (ON) {
            long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            System.err.printf(java.util.Locale.ROOT, "[trace %6.0f ms, cpu %6d ms] %s%n", (System.nanoTime() - START) / 1e6,
                    cpuMillis, phase);
        }
    }
}
