package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradCheckTest {
    private static Map<String, Matrix> inputs() {
        Map<String, Matrix> inputs = new LinkedHashMap<>();
        inputs.put("a", Matrix.of(new double[][] {{0.5, -1.0}, {2.0, 0.25}}));
        inputs.put("b", Matrix.fromRowMajor(1, 2, 1.5, -0.5));
        return inputs;
    }

    @Test
    void aCorrectGradientPasses() {
        GradCheck.Result result = GradCheck.check(n -> n.get("a").mul(n.get("b")).tanh(), inputs());
        assertTrue(result.passes(1e-7), result.toString());
    }

    @Test
    void aWrongGradientIsFoundWithItsNameAndIndex() {
        // Treating a's value as a constant halves the true gradient of a*a: grad() says a, the truth is 2a.
        GradCheck.Result result = GradCheck.check(n -> n.get("a").mul(new Node(n.get("a").value())), inputs());
        assertFalse(result.passes(1e-3), result.toString());
        assertEquals("a", result.name());
        assertEquals(1.0 / 3.0, result.worstRelativeError(), 1e-6, "|a - 2a| / (|a| + |2a|)");
        assertTrue(result.toString().startsWith("worst relative error 0.333 at a["), result.toString());
    }

    @Test
    void anInputTheFunctionIgnoresHasZeroGradientOnBothSides() {
        GradCheck.Result result = GradCheck.check(n -> n.get("a").exp(), inputs());
        assertTrue(result.passes(1e-7), result.toString());
    }

    @Test
    void noInputsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GradCheck.check(n -> null, Map.of()));
    }
}
