package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackpropTest {
    private static final Matrix X = Matrix.of(new double[][] {{1, 2}, {3, 4}});

    @Test
    void gradientIsKeyedByNameAndLeavesUnnamedNodesOut() {
        Node w = new Node(X, "w");
        Node data = new Node(Matrix.ones(2, 2));
        Map<String, Matrix> grad = w.mul(data).sum().grad(1.0);
        assertEquals(List.of("w"), List.copyOf(grad.keySet()));
        assertEquals(Matrix.ones(2, 2), grad.get("w"));
    }

    @Test
    void seedScalesTheGradient() {
        Node w = new Node(X, "w");
        assertEquals(Matrix.full(2, 2, 3.0), w.sum().grad(3.0).get("w"));
        assertEquals(Matrix.full(2, 2, 1.0), w.sum().grad().get("w"));
    }

    @Test
    void aNonScalarResultIsSeededWithOnesOfItsShape() {
        Node w = new Node(X, "w");
        assertEquals(Matrix.full(2, 2, -2.0), w.mul(2).grad(-1.0).get("w"));
    }

    @Test
    void aNodeUsedTwiceAccumulatesBothPaths() {
        Node w = new Node(X, "w");
        // d/dw sum(w*w + w) = 2w + 1
        assertEquals(X.mul(2).add(1), w.mul(w).add(w).sum().grad().get("w"));
    }

    @Test
    void distinctNodesSharingANameHaveTheirGradientsSummed() {
        Node first = new Node(X, "w");
        Node second = new Node(Matrix.full(2, 2, 5), "w");
        Map<String, Matrix> grad = first.mul(2).add(second.mul(3)).sum().grad();
        assertEquals(Matrix.full(2, 2, 5.0), grad.get("w"));
    }

    @Test
    void aResultThatDependsOnNoNamedNodeHasNoGradients() {
        assertTrue(new Node(X).tanh().sum().grad().isEmpty());
    }

    @Test
    void aRowBroadcastIntoABatchGetsItsGradientSummedOverTheBatch() {
        Node bias = new Node(Matrix.zeros(1, 2), "bias");
        Node batch = new Node(Matrix.zeros(5, 2));
        assertEquals(Matrix.full(1, 2, 5.0), batch.add(bias).sum().grad().get("bias"));
    }

    @Test
    void aChainOfTenThousandOpsDoesNotOverflowTheStack() {
        Node start = new Node(Matrix.scalar(1.0), "x");
        Node chain = start;
        for (int i = 0; i < 10_000; i++) {
            chain = chain.mul(1.0001);
        }
        double expected = Math.pow(1.0001, 10_000);
        assertEquals(expected, chain.value().item(), 1e-9 * expected);
        assertEquals(expected, chain.grad().get("x").item(), 1e-9 * expected);
    }

    @Test
    void gradNeverChangesAnyValue() {
        Matrix before = Matrix.of(X.toArray());
        Node w = new Node(X, "w");
        Node out = w.tanh().mul(w).sum();
        Matrix outBefore = out.value();
        out.grad();
        out.grad();
        assertEquals(before, w.value());
        assertEquals(outBefore, out.value());
    }

    @Test
    void opsRefuseMismatchedShapesNamingOpAndShapes() {
        Node column = new Node(Matrix.zeros(50, 1), "p");
        Node row = new Node(Matrix.zeros(1, 50));
        assertEquals("sub: shapes (50x1) and (1x50) do not broadcast; reshape one of them",
                assertThrows(IllegalArgumentException.class, () -> column.sub(row)).getMessage());
        assertEquals("div: shapes (50x1) and (1x50) do not broadcast; reshape one of them",
                assertThrows(IllegalArgumentException.class, () -> column.div(row)).getMessage());
        assertEquals("mul: shapes (1x50) and (50x1) do not broadcast; reshape one of them",
                assertThrows(IllegalArgumentException.class, () -> row.mul(column)).getMessage());
        assertEquals("add: shapes (50x1) and (1x50) do not broadcast; reshape one of them",
                assertThrows(IllegalArgumentException.class, () -> column.add(row)).getMessage());
        assertEquals("dot: (50x1) . (50x1): inner dimensions 1 and 50 differ",
                assertThrows(IllegalArgumentException.class, () -> column.dot(column)).getMessage());
    }

    @Test
    void tanhAgreesWithTheLibraryToTwelveDigitsFromTinyToSaturatedInputs() {
        double[] inputs = {0.0, 1e-12, -3e-7, 9.99e-4, 1e-3, -0.01, 0.5, -1.0, 3.0, 19.0, -40.0, 400.0};
        for (double x : inputs) {
            double expected = Math.tanh(x);
            double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
            assertTrue(Math.abs(Node.tanh(x) - expected) <= 1e-12 * scale, "tanh(" + x + ") = " + Node.tanh(x));
        }
        assertTrue(Double.isNaN(Node.tanh(Double.NaN)));
        assertEquals(-0.0, Node.tanh(-0.0));
    }

    @Test
    void nodesDescribeThemselvesAndTheirParents() {
        Node w = new Node(X, "w");
        Node out = w.add(new Node(X));
        assertEquals("Node(w, (2x2))", w.toString());
        assertEquals("Node((2x2))", out.toString());
        assertEquals(2, out.parents().size());
        assertEquals("w", out.parents().get(0).name().orElseThrow());
        assertFalse(out.name().isPresent());
        assertThrows(IllegalArgumentException.class, () -> new Node(X, " "));
    }

    @Test
    void aNamedNodeWithANullValueAsksWhetherItsNameIsInParams() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Node(null, "gamma_bn1"));
        assertEquals("Node gamma_bn1: value is null; is 'gamma_bn1' in params?", thrown.getMessage());
    }

    @Test
    void anUnnamedNodeWithANullValueSaysAMissingParamsKeyGivesNull() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Node(null));
        assertEquals("Node: value is null; pass a Matrix (params.get(key) gives null for a key that is not in params)",
                thrown.getMessage());
    }

    @Test
    void gradientsReturnedByOneBackwardPassSurviveTheNextPassesReusingArrays() {
        Node w = new Node(X, "w");
        Node b = new Node(Matrix.of(new double[][] {{1, -1}}), "b");
        Node out = w.mul(w).add(b).tanh().add(w).sum();
        Map<String, Matrix> first = out.grad();
        Map<String, Matrix> copy = Map.of("w", Matrix.of(first.get("w").toArray()), "b", Matrix.of(first.get("b").toArray()));
        for (int i = 0; i < 3; i++) {
            assertEquals(copy, out.grad(), "every pass gives the same gradients");
            w.mul(new Node(X)).sub(b).sqrt().sum().grad();  // another graph, recycling its own gradients
        }
        assertEquals(copy.get("w"), first.get("w"));
        assertEquals(copy.get("b"), first.get("b"));
    }

    @Test
    void aGradientPassedUnchangedToTwoParentsReachesBoth() {
        Node u = new Node(X, "u");
        Node v = new Node(X.mul(2), "v");
        // d/du sum(tanh(u + v) * u) and the same for v, through one add that hands its gradient to both
        Node sum = u.add(v);
        Node out = sum.tanh().mul(u).sum();
        Matrix t = X.mul(3).map(Node::tanh);
        Matrix dSum = X.zip("expected", t, (x, ti) -> x * (1 - ti * ti));
        Map<String, Matrix> grad = out.grad();
        assertEquals(dSum.add(t), grad.get("u"));
        assertEquals(dSum, grad.get("v"));
    }

    @Test
    void aNodeAddedToItselfGetsTwiceTheGradient() {
        Node w = new Node(X, "w");
        Node twice = w.tanh();
        Map<String, Matrix> grad = twice.add(twice).mul(twice.add(twice)).sum().grad();
        Matrix t = X.map(Node::tanh);
        // d/dw (2 tanh w)^2 = 8 tanh w (1 - tanh^2 w)
        assertEquals(t.mul(8).zip("expected", t, (a, ti) -> a * (1 - ti * ti)).toString(), grad.get("w").toString());
    }
}
