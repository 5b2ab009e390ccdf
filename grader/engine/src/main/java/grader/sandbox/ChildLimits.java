package grader.sandbox;

import java.util.List;

/**
 * Kernel limits inside the sandbox, set with {@code prlimit} (util-linux) after bubblewrap made the new
 * user namespace, so that the process count is the sandbox's own and not the grading user's. The kernel
 * does not apply the process limit to root: run the grader as root only with {@code --child-user}.
 */
final class ChildLimits {
    /** Threads count as processes: a test JVM needs about 20; a fork bomb stops here. */
    static final int PROCESSES = 256;
    static final int OPEN_FILES = 1024;
    /** Per file; the JVM ignores SIGXFSZ, so a larger write fails with "File too large". */
    static final long FILE_BYTES = 32L << 20;
    /** The whole private working folder (tmpfs lives in memory). */
    static final long WORK_FOLDER_BYTES = 64L << 20;

    private ChildLimits() {}

    static List<String> commandPrefix() {
        return List.of("prlimit", "--nproc=" + PROCESSES, "--nofile=" + OPEN_FILES, "--fsize=" + FILE_BYTES,
                "--core=0", "--");
    }
}
