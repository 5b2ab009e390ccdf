package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * The SIMD loops are the ones in use, and give bitwise what the textbook loop gives. This module also runs all of
 * autodiff's own tests (the pom adds them), among them MatrixTest's product of every tile, edge and transpose, now
 * on these loops.
 */
class VectorProductsTest {
    private static final boolean HAS_256_BIT_VECTORS = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;

    @Test
    void productsRunOnTheSimdLoopsWhereTheProcessorHas256BitVectors() {
        // This JVM has the module (the pom's argLine): only the processor decides.
        assertEquals(HAS_256_BIT_VECTORS, Matrix.productLoops().startsWith("SIMD"), Matrix.productLoops());
    }

    @Test
    void theLoopsCalledDirectlyAgreeToo() {
        if (!HAS_256_BIT_VECTORS) {
            return;  // the constructor refuses; the test above checked that DotKernel then keeps its own loops
        }
        VectorProducts loops = new VectorProducts();
        Random random = new Random(29);
        for (int cols : new int[] {1, 4, 10, 20}) {
            Matrix a = Matrix.randn(50, 30, random);
            Matrix b = Matrix.randn(30, cols, random);
            double[] out = loops.multiply(new DotKernel.Operand(a.toRowMajor(), 30, 1),
                    new DotKernel.Operand(b.transpose().toRowMajor(), 1, 30), 50, 30, cols);
            assertEquals(MatrixTest.textbookProduct(a, b), Matrix.fromRowMajor(50, cols, out),
                    "50x30x" + cols + ", b read transposed");
        }
    }

    @Test
    void theLoopsRefuseExactlyWhereTheProcessorHasNo256BitVectors() {
        if (HAS_256_BIT_VECTORS) {
            assertDoesNotThrow(VectorProducts::new);
        } else {
            assertThrows(UnsupportedOperationException.class, VectorProducts::new);
        }
    }
}
