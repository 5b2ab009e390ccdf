package grader.command;

/**
 * The exit codes of every {@code grader.jar} command, in one place so that the platform scripts can rely
 * on them: whatever a submission does, it never causes {@link #INTERNAL_ERROR}.
 */
public final class ExitCode {
    /** The work was done: a submission graded (whatever its score), an archive written, a selfcheck passed. */
    public static final int OK = 0;
    /** The grader itself failed, or selfcheck found the grader wrong. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad usage, a submission that could not be read or was refused, or a release that was refused. */
    public static final int UNUSABLE = 2;
    /** {@code grade-all} stopped by Ctrl-C, as shells report SIGINT (128 + 2); the next run continues. */
    public static final int STOPPED = 130;

    private ExitCode() {}
}
