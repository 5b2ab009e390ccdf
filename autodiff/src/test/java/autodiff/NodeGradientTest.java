package autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every op's grad() against central differences, on random shapes and every broadcasting case. */
class NodeGradientTest {
    private static final double TOLERANCE = 1e-6;

    private static void assertGradientsMatch(Function<Map<String, Node>, Node> function, Map<String, Matrix> inputs) {
        GradCheck.Result result = GradCheck.check(function, inputs);
        assertTrue(result.passes(TOLERANCE), result.toString());
    }

    private static Map<String, Matrix> inputs(Object... namesAndValues) {
        Map<String, Matrix> inputs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            inputs.put((String) namesAndValues[i], (Matrix) namesAndValues[i + 1]);
        }
        return inputs;
    }

    /** Positive entries in [0.5, 2.5), for log, sqrt, pow and division. */
    private static Matrix positive(int rows, int cols, Random random) {
        return Matrix.randn(rows, cols, random).map(v -> 1.5 + Math.tanh(v));
    }

    private static void checkUnary(long seed, UnaryOperator<Node> op, boolean positiveOnly) {
        Random random = new Random(seed);
        int rows = 1 + random.nextInt(5);
        int cols = 1 + random.nextInt(5);
        Matrix x = positiveOnly ? positive(rows, cols, random) : Matrix.randn(rows, cols, random);
        assertGradientsMatch(in -> op.apply(in.get("x")), inputs("x", x));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void unaryOpsMatchCentralDifferences(long seed) {
        checkUnary(seed, Node::tanh, false);
        checkUnary(seed, Node::sigmoid, false);
        checkUnary(seed, Node::exp, false);
        checkUnary(seed, Node::neg, false);
        checkUnary(seed, Node::square, false);
        checkUnary(seed, Node::log, true);
        checkUnary(seed, Node::sqrt, true);
        checkUnary(seed, x -> x.pow(3), false);
        checkUnary(seed, x -> x.pow(-1.5), true);
        checkUnary(seed, Node::sum, false);
        checkUnary(seed, x -> x.sum(0), false);
        checkUnary(seed, x -> x.sum(1), false);
        checkUnary(seed, x -> x.mean(0), false);
        checkUnary(seed, x -> x.mean(1), false);
        checkUnary(seed, x -> x.add(2.5).mul(-3).sub(1).div(4), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"same", "row", "column", "scalar"})
    void binaryOpsMatchCentralDifferencesWhicheverSideBroadcasts(String kind) {
        Random random = new Random(kind.hashCode());
        int rows = 2 + random.nextInt(4);
        int cols = 2 + random.nextInt(4);
        Matrix big = positive(rows, cols, random);
        Matrix small = switch (kind) {
            case "row" -> positive(1, cols, random);
            case "column" -> positive(rows, 1, random);
            case "scalar" -> positive(1, 1, random);
            default -> positive(rows, cols, random);
        };
        for (Map<String, Matrix> in : new Map[] {inputs("a", big, "b", small), inputs("a", small, "b", big)}) {
            assertGradientsMatch(n -> n.get("a").add(n.get("b")), in);
            assertGradientsMatch(n -> n.get("a").sub(n.get("b")), in);
            assertGradientsMatch(n -> n.get("a").mul(n.get("b")), in);
            assertGradientsMatch(n -> n.get("a").div(n.get("b")), in);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void dotMatchesCentralDifferencesForRandomShapes(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(6);
        int k = 1 + random.nextInt(6);
        int m = 1 + random.nextInt(6);
        assertGradientsMatch(in -> in.get("a").dot(in.get("b")),
                inputs("a", Matrix.randn(n, k, random), "b", Matrix.randn(k, m, random)));
    }

    @org.junit.jupiter.api.Test
    void aBatchNormShapedCompositionMatchesCentralDifferences() {
        Random random = new Random(11);
        Map<String, Matrix> in = inputs("x", Matrix.randn(6, 4, random), "gamma", Matrix.randn(1, 4, random),
                "beta", Matrix.randn(1, 4, random));
        assertGradientsMatch(n -> {
            Node x = n.get("x");
            Node mean = x.mean(0);
            Node variance = x.sub(mean).square().mean(0);
            return x.sub(mean).div(variance.add(1e-8).sqrt()).mul(n.get("gamma")).add(n.get("beta"));
        }, in);
    }

    @org.junit.jupiter.api.Test
    void aSummedCrossEntropyOfAColumnMatchesCentralDifferences() {
        Random random = new Random(12);
        Matrix y = Matrix.fromRowMajor(4, 1, 1, 0, 0, 1);
        assertGradientsMatch(n -> {
            Node p = n.get("x").dot(n.get("w")).sigmoid();
            Node labels = new Node(y);
            return labels.mul(p.log()).add(labels.neg().add(1).mul(p.neg().add(1).log())).sum().neg();
        }, inputs("x", Matrix.randn(4, 3, random), "w", Matrix.randn(3, 1, random)));
    }
}
