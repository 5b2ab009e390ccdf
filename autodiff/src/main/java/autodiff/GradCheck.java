package autodiff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Compares {@link Node#grad(double)} with central differences for any function of named inputs.
 *
 * <p>The output is first reduced to a scalar by a fixed random weighting, {@code sum(w * f(x))}: a
 * plain sum would hide errors in functions whose outputs always sum to the same value, such as
 * batch norm's normalized output.
 */
public final class GradCheck {
    public static final double DEFAULT_STEP = 1e-5;
    /** Below this size a difference is judged absolutely, so gradients near zero do not flap. */
    private static final double SCALE_FLOOR = 1e-3;

    /** The worst entry found: which input, where, and both values. */
    public record Result(double worstRelativeError, String name, int row, int col,
                         double analytic, double numeric) {
        public boolean passes(double tolerance) {
            return worstRelativeError <= tolerance;
        }

        @Override
        public String toString() {
            return String.format("worst relative error %.3g at %s[%d,%d]: grad() gave %.10g, central differences %.10g",
                    worstRelativeError, name, row, col, analytic, numeric);
        }
    }

    private GradCheck() {}

    public static Result check(Function<Map<String, Node>, Node> function, Map<String, Matrix> inputs) {
        return check(function, inputs, DEFAULT_STEP, 0L);
    }

    /**
     * @param function builds the output from named input nodes (one per entry of {@code inputs},
     *                 named by its key)
     * @param step     the finite-difference step h
     * @param seed     seeds the random output weighting
     */
    public static Result check(Function<Map<String, Node>, Node> function, Map<String, Matrix> inputs,
                               double step, long seed) {
        Check.argument(!inputs.isEmpty(), "GradCheck: give at least one named input");
        Matrix output = function.apply(nodes(inputs)).value();
        Matrix weights = Matrix.randn(output.rows(), output.cols(), new Random(seed));
        Function<Map<String, Matrix>, Node> objective =
                values -> function.apply(nodes(values)).mul(new Node(weights)).sum();
        Map<String, Matrix> analytic = objective.apply(inputs).grad(1.0);

        Result worst = null;
        for (Map.Entry<String, Matrix> input : inputs.entrySet()) {
            String name = input.getKey();
            Matrix x = input.getValue();
            Matrix received = analytic.getOrDefault(name, Matrix.zeros(x.rows(), x.cols()));
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    double numeric = (valueAt(objective, inputs, name, i, j, step)
                            - valueAt(objective, inputs, name, i, j, -step)) / (2 * step);
                    double a = received.get(i, j);
                    double error = Math.abs(a - numeric) / Math.max(SCALE_FLOOR, Math.abs(a) + Math.abs(numeric));
                    if (worst == null || error > worst.worstRelativeError() || Double.isNaN(error)) {
                        worst = new Result(error, name, i, j, a, numeric);
                    }
                }
            }
        }
        return worst;
    }

    private static double valueAt(Function<Map<String, Matrix>, Node> objective, Map<String, Matrix> inputs,
                                  String name, int row, int col, double delta) {
        Map<String, Matrix> moved = new LinkedHashMap<>(inputs);
        Matrix x = inputs.get(name);
        moved.put(name, x.with(row, col, x.get(row, col) + delta));
        return objective.apply(moved).value().item();
    }

    private static Map<String, Node> nodes(Map<String, Matrix> values) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        values.forEach((name, value) -> nodes.put(name, new Node(value, name)));
        return nodes;
    }
}
