package grader.release;

/** A release would give students something only instructors may have, so it is not built. */
public final class LeakingReleaseException extends IllegalStateException {
    LeakingReleaseException(String message) {
        super(message);
    }
}
