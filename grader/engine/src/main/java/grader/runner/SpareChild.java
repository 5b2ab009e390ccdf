package grader.runner;

import java.io.IOException;

/**
 * At most one child JVM started ahead of need, for the restart after a test times out or crashes: its JVM
 * start and JUnit's set-up, warm-up run included, then overlap the end of the failing test instead of
 * following it. A spare that is never needed is closed with the run; it has cost one JVM start.
 */
final class SpareChild implements AutoCloseable {
    /** Starts a child that has not been given its request yet. */
    interface Launch {
        ChildJvm launch() throws IOException;
    }

    private final Launch launch;
    private ChildJvm spare;

    SpareChild(Launch launch) {
        this.launch = launch;
    }

    /** Starts the spare, unless one is waiting already. */
    void startIfNone() throws IOException {
        if (spare == null) {
            grader.common.Trace.mark("spare child launched");
            spare = launch.launch();
        }
    }

    /** The spare, or a child started now if there is none; the caller closes it. */
    ChildJvm take() throws IOException {
        ChildJvm taken = spare == null ? launch.launch() : spare;
        spare = null;
        return taken;
    }

    @Override
    public void close() {
        if (spare != null) {
            spare.close();
            spare = null;
        }
    }
}
