package grader.common;

/**
 * Whether each test JVM runs inside a bubblewrap sandbox (its own network, mount, PID, IPC and UTS
 * namespaces; see {@code grader.sandbox}).
 */
public enum SandboxMode {
    /** Sandbox when bubblewrap works here; otherwise warn once and run with the static check alone. */
    AUTO,
    /** Sandbox, or refuse to grade (exit 2) and say why. */
    REQUIRED,
    /** Never sandbox: the test JVM sees what the grading user sees. */
    OFF
}
