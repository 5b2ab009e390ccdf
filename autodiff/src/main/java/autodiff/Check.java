package autodiff;

/** A tiny preconditions helper, so the core needs nothing but the JDK. */
final class Check {
    private Check() {}

    static void argument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }
}
