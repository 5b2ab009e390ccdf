package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TanhTest {
    @Test
    void fillAgreesBitwiseWithOfOnEdgesSignsAndRandomValues() {
        double[] edges = {0.0, -0.0, 1e-3, -1e-3, Math.nextDown(1e-3), Math.nextUp(-1e-3), Double.MIN_VALUE,
                -Double.MIN_VALUE, 1e-300, 0.5, -0.5, 20, -20, 400, -400, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        Random random = new Random(23);
        double[] in = new double[edges.length + 1000];
        System.arraycopy(edges, 0, in, 0, edges.length);
        for (int i = edges.length; i < in.length; i++) {
            in[i] = random.nextGaussian() * (i % 7 == 0 ? 1e-3 : 3);  // every seventh near the Taylor boundary
        }
        double[] out = new double[in.length];
        Tanh.fill(in, out);
        for (int i = 0; i < in.length; i++) {
            assertEquals(Double.doubleToLongBits(Tanh.of(in[i])), Double.doubleToLongBits(out[i]),
                    "tanh(" + in[i] + "): of gives " + Tanh.of(in[i]) + ", fill " + out[i]);
        }
    }

    @Test
    void aMatrixTanhIsTheScalarTanhOfEveryEntry() {
        Matrix x = Matrix.randn(50, 20, new Random(29));
        assertEquals(x.map(Tanh::of), x.tanh());
    }
}
