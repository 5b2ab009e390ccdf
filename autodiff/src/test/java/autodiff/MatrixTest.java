package autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixTest {
    private static final Matrix A = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void factoriesFillTheRequestedShape() {
        assertEquals(Matrix.fromRowMajor(2, 2, 0, 0, 0, 0), Matrix.zeros(2, 2));
        assertEquals(Matrix.fromRowMajor(1, 3, 1, 1, 1), Matrix.ones(1, 3));
        assertEquals(Matrix.fromRowMajor(2, 1, 7, 7), Matrix.full(2, 1, 7));
        assertEquals(4.5, Matrix.scalar(4.5).item());
        assertEquals("(2x3)", A.shape());
        assertEquals(6, A.size());
    }

    @Test
    void randnIsReproducibleForTheSameSeedAndRoughlyStandardNormal() {
        Matrix first = Matrix.randn(200, 50, new Random(7));
        assertEquals(first, Matrix.randn(200, 50, new Random(7)));
        assertNotEquals(first, Matrix.randn(200, 50, new Random(8)));
        assertEquals(0.0, first.mean(), 0.02, "mean of 10,000 N(0,1) draws");
        assertEquals(1.0, first.mul(first).mean(), 0.05, "second moment of 10,000 N(0,1) draws");
    }

    @Test
    void ofCopiesItsInputSoTheMatrixStaysImmutable() {
        double[][] values = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(values);
        values[0][0] = 99;
        m.toArray()[1][1] = 99;
        m.toRowMajor()[0] = 99;
        assertEquals(1.0, m.get(0, 0));
        assertEquals(4.0, m.get(1, 1));
    }

    @Test
    void raggedOrEmptyInputIsRefusedWithItsShape() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(new double[][] {{1, 2}, {3}}));
        assertEquals("Matrix.of: row 1 has 1 values, row 0 has 2", ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[0][0]));
        assertEquals("a matrix needs positive dimensions, got (0x3)",
                assertThrows(IllegalArgumentException.class, () -> Matrix.zeros(0, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Matrix.fromRowMajor(2, 2, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> A.item());
    }

    @Test
    void getOutsideTheShapeNamesIndexAndShape() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> A.get(2, 0));
        assertEquals("get(2, 0) outside (2x3)", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> A.get(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> A.selectRows(new int[] {5}));
    }

    @Test
    void elementwiseArithmeticBroadcastsRowsColumnsAndScalars() {
        assertEquals(Matrix.of(new double[][] {{11, 22, 33}, {14, 25, 36}}),
                A.add(Matrix.fromRowMajor(1, 3, 10, 20, 30)));
        assertEquals(Matrix.of(new double[][] {{0, 1, 2}, {2, 3, 4}}),
                A.sub(Matrix.fromRowMajor(2, 1, 1, 2)));
        assertEquals(Matrix.of(new double[][] {{2, 4, 6}, {8, 10, 12}}), A.mul(Matrix.scalar(2)));
        assertEquals(Matrix.of(new double[][] {{2, 1, 2.0 / 3}, {0.5, 0.4, 1.0 / 3}}),
                Matrix.fromRowMajor(1, 1, 2).div(A));
        assertEquals(A.mul(3), A.mul(Matrix.full(2, 3, 3)));
        assertEquals(A.add(1), A.map(v -> v + 1));
    }

    @Test
    void everyOperatorAgreesBitwiseWithZipForEveryBroadcastPlacement() {
        Random random = new Random(11);
        Matrix full = Matrix.randn(5, 3, random);
        Matrix[][] pairs = {
            {full, Matrix.randn(5, 3, random)}, {full, Matrix.randn(1, 3, random)}, {Matrix.randn(1, 3, random), full},
            {full, Matrix.randn(5, 1, random)}, {Matrix.randn(5, 1, random), full}, {full, Matrix.randn(1, 1, random)},
            {Matrix.randn(1, 1, random), full}, {Matrix.randn(5, 1, random), Matrix.randn(1, 1, random)},
            {Matrix.randn(1, 1, random), Matrix.randn(5, 1, random)}, {Matrix.scalar(3), Matrix.scalar(-2)},
        };
        for (Matrix[] pair : pairs) {
            assertArithmeticAgreesWithZip(pair[0], pair[1]);
        }
    }

    /** add, sub, mul and div of {@code a} and {@code b} give bitwise what zip gives with the same operator. */
    private static void assertArithmeticAgreesWithZip(Matrix a, Matrix b) {
        String shapes = a.shape() + " and " + b.shape();
        assertEquals(a.zip("add", b, (x, y) -> x + y), a.add(b), "add of " + shapes);
        assertEquals(a.zip("sub", b, (x, y) -> x - y), a.sub(b), "sub of " + shapes);
        assertEquals(a.zip("mul", b, (x, y) -> x * y), a.mul(b), "mul of " + shapes);
        assertEquals(a.zip("div", b, (x, y) -> x / y), a.div(b), "div of " + shapes);
    }

    @Test
    void aRowAgainstManyRowsAgreesBitwiseWithZipForShortAndLongRows() {
        Random random = new Random(12);
        // rows repeated 50, 300 and 2 times, of 20, 2 and 300 entries
        int[][] sizes = {{50, 20}, {300, 2}, {2, 300}};
        for (int[] shape : sizes) {
            Matrix full = Matrix.randn(shape[0], shape[1], random);
            Matrix row = Matrix.randn(1, shape[1], random);
            assertArithmeticAgreesWithZip(full, row);
            assertArithmeticAgreesWithZip(row, full);
        }
    }

    @Test
    void columnSumsAgreeBitwiseWithAddingTheRowsOneByOneFromTheTop() {
        Random random = new Random(13);
        // widths that use every strip of columnSums: eight, four and single columns
        for (int cols : new int[] {1, 3, 4, 7, 8, 12, 13, 20}) {
            for (int rows : new int[] {1, 3, 4, 5, 50, 51}) {
                Matrix m = Matrix.randn(rows, cols, random).mul(1e3).add(Matrix.randn(rows, cols, random));
                double[] expected = new double[cols];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        expected[j] += m.get(i, j);
                    }
                }
                assertEquals(Matrix.fromRowMajor(1, cols, expected), m.sum(0), "sum(0) of " + m.shape());
            }
        }
    }

    @Test
    void columnAgainstRowIsRefusedNamingOpAndShapes() {
        Matrix column = Matrix.zeros(50, 1);
        Matrix row = Matrix.zeros(1, 50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> column.sub(row));
        assertEquals("sub: shapes (50x1) and (1x50) do not broadcast; reshape one of them", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> A.add(Matrix.zeros(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> A.mul(Matrix.zeros(1, 2)));
    }

    @Test
    void dotMultipliesAndNamesBothShapesOnMismatch() {
        Matrix b = Matrix.of(new double[][] {{1, 0}, {0, 1}, {2, -1}});
        assertEquals(Matrix.of(new double[][] {{7, -1}, {16, -1}}), A.dot(b));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(50, 30).dot(Matrix.zeros(20, 10)));
        assertEquals("dot: (50x30) . (20x10): inner dimensions 30 and 20 differ", e.getMessage());
    }

    @Test
    void dotAgreesWithTheTextbookTripleLoop() {
        Random random = new Random(3);
        Matrix a = Matrix.randn(7, 5, random);
        Matrix b = Matrix.randn(5, 4, random);
        Matrix product = a.dot(b);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 4; j++) {
                double expected = 0;
                for (int k = 0; k < 5; k++) {
                    expected += a.get(i, k) * b.get(k, j);
                }
                assertEquals(expected, product.get(i, j), 1e-12, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void transposedProductsEqualTheProductsWithATransposedCopyBitwise() {
        Random random = new Random(5);
        int[][] shapes = {{7, 5, 4}, {50, 30, 20}, {50, 10, 1}, {50, 1, 10}, {3, 4, 6}, {1, 2, 3}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int inner = shape[1];
            int cols = shape[2];
            Matrix a = Matrix.randn(rows, inner, random);
            Matrix w = Matrix.randn(cols, inner, random);
            Matrix x = Matrix.randn(inner, rows, random);
            Matrix g = Matrix.randn(inner, cols, random);
            String label = rows + "x" + inner + "x" + cols;
            assertEquals(a.dot(w.transpose()), a.dotTransposed(w), "a . w^T for " + label);
            assertEquals(x.transpose().dot(g), x.transposedDot(g), "x^T . g for " + label);
        }
    }

    @Test
    void everyProductTileEdgeAndTransposeAgreesBitwiseWithTheTextbookLoop() {
        Random random = new Random(17);
        // rows 1..9 and cols 1..9 reach every tile of DotKernel (4 x 4, 2 x 4, 2 x 2, 2 x 1, single row); 10 to 20
        // columns the network's widths and, where autodiff-simd runs these tests, its 4 x 8 and 4 x 4 vector tiles
        for (int rows = 1; rows <= 9; rows++) {
            for (int cols : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 20}) {
                for (int inner : new int[] {1, 3, 50}) {
                    Matrix a = Matrix.randn(rows, inner, random).mul(1e3).add(Matrix.randn(rows, inner, random));
                    Matrix b = Matrix.randn(inner, cols, random);
                    Matrix expected = textbookProduct(a, b);
                    String label = rows + "x" + inner + "x" + cols;
                    assertEquals(expected, a.dot(b), "a . b for " + label);
                    assertEquals(expected, a.dotTransposed(b.transpose()), "a . (b^T)^T for " + label);
                    assertEquals(expected, a.transpose().transposedDot(b), "(a^T)^T . b for " + label);
                }
            }
        }
    }

    @Test
    void withoutTheVectorModuleProductsRunOnTheScalarLoopsAndSayHowToGetTheSimdOnes() {
        // autodiff-simd runs these tests again in a JVM that has the module; its own test checks that case.
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty());
        assertEquals("scalar (4 x 4 register tiles): java --add-modules jdk.incubator.vector runs autodiff-simd's"
                + " SIMD loops where they are on the class path", Matrix.productLoops());
    }

    /** Each entry summed over k in ascending order, from 0: the order every product must keep (autodiff-simd's tests too). */
    static Matrix textbookProduct(Matrix a, Matrix b) {
        double[] out = new double[a.rows() * b.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double total = 0;
                for (int k = 0; k < a.cols(); k++) {
                    total += a.get(i, k) * b.get(k, j);
                }
                out[i * b.cols() + j] = total;
            }
        }
        return Matrix.fromRowMajor(a.rows(), b.cols(), out);
    }

    @Test
    void transposedProductsNameTheStoredShapesOnMismatch() {
        assertEquals("dotTransposed: (50x10) . (20x5)^T: inner dimensions 10 and 5 differ",
                assertThrows(IllegalArgumentException.class,
                        () -> Matrix.zeros(50, 10).dotTransposed(Matrix.zeros(20, 5))).getMessage());
        assertEquals("transposedDot: (50x30)^T . (20x10): inner dimensions 50 and 20 differ",
                assertThrows(IllegalArgumentException.class,
                        () -> Matrix.zeros(50, 30).transposedDot(Matrix.zeros(20, 10))).getMessage());
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        assertEquals(Matrix.of(new double[][] {{1, 4}, {2, 5}, {3, 6}}), A.transpose());
        assertEquals(A, A.transpose().transpose());
    }

    @Test
    void reductionsOverAllEntriesAndEachAxis() {
        assertEquals(21.0, A.sum());
        assertEquals(3.5, A.mean());
        assertEquals(Matrix.fromRowMajor(1, 3, 5, 7, 9), A.sum(0));
        assertEquals(Matrix.fromRowMajor(2, 1, 6, 15), A.sum(1));
        assertEquals(Matrix.fromRowMajor(1, 3, 2.5, 3.5, 4.5), A.mean(0));
        assertEquals(Matrix.fromRowMajor(2, 1, 2, 5), A.mean(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> A.sum(2));
        assertTrue(e.getMessage().startsWith("sum: axis must be 0"), e.getMessage());
    }

    @Test
    void varianceDividesByTheCountAlongEachAxis() {
        // Columns of A are {1, 4}, {2, 5}, {3, 6}: deviations of 1.5 each; rows deviate by 1, 0, 1.
        assertEquals(Matrix.fromRowMajor(1, 3, 2.25, 2.25, 2.25), A.variance(0));
        assertEquals(Matrix.fromRowMajor(2, 1, 2.0 / 3, 2.0 / 3), A.variance(1));
        assertEquals(Matrix.zeros(1, 2), Matrix.ones(5, 2).variance(0), "a constant column has variance 0");
    }

    @Test
    void aRowBroadcastToAnyNumberOfRowsRepeatsItInEveryRow() {
        Matrix row = Matrix.fromRowMajor(1, 3, 1, 2, 3);
        // 1, 2, 3, 5, 7 rows: whole and partial doublings of the copied block
        for (int rows : new int[] {1, 2, 3, 5, 7}) {
            Matrix repeated = row.broadcastTo(rows, 3);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(row.get(0, j), repeated.get(i, j), "entry " + i + "," + j + " of " + repeated.shape());
                }
            }
        }
    }

    @Test
    void broadcastToAndSumToAreInverseShapes() {
        Matrix row = Matrix.fromRowMajor(1, 3, 1, 2, 3);
        assertEquals(Matrix.of(new double[][] {{1, 2, 3}, {1, 2, 3}}), row.broadcastTo(2, 3));
        assertEquals(row.mul(2), row.broadcastTo(2, 3).sumTo(1, 3));
        assertEquals(Matrix.fromRowMajor(2, 1, 6, 15), A.sumTo(2, 1));
        assertEquals(Matrix.scalar(21), A.sumTo(1, 1));
        assertTrue(A.sumTo(2, 3) == A, "same shape is returned as it is");
        assertThrows(IllegalArgumentException.class, () -> A.sumTo(3, 3));
    }

    @Test
    void shapeChecksOnTheHotPathNameTheShapesWhenTheyFail() {
        // These checks build their messages only when they fail (Check.failure), so each message is asserted here.
        assertEquals("broadcastTo: cannot repeat (2x3) up to (3x3)",
                assertThrows(IllegalArgumentException.class, () -> A.broadcastTo(3, 3)).getMessage());
        assertEquals("sumTo: cannot sum (2x3) down to (3x3)",
                assertThrows(IllegalArgumentException.class, () -> A.sumTo(3, 3)).getMessage());
        assertEquals("item: needs a (1x1) matrix, got (2x3)",
                assertThrows(IllegalArgumentException.class, () -> A.item()).getMessage());
        Matrix sum = Matrix.zeros(2, 3);
        assertEquals("accumulate: (2x3) and (1x3) differ",
                assertThrows(IllegalArgumentException.class, () -> sum.accumulate(Matrix.ones(1, 3))).getMessage());
        assertEquals(Matrix.zeros(2, 3), sum, "a refused accumulate changes nothing");
        assertEquals("mean: axis must be 0 (per column, giving 1 x cols) or 1 (per row, giving rows x 1), got -1",
                assertThrows(IllegalArgumentException.class, () -> A.mean(-1)).getMessage());
    }

    @Test
    void selectRowsAndWithMakeNewMatrices() {
        assertEquals(Matrix.of(new double[][] {{4, 5, 6}, {1, 2, 3}, {4, 5, 6}}), A.selectRows(new int[] {1, 0, 1}));
        Matrix changed = A.with(0, 1, -2);
        assertEquals(-2.0, changed.get(0, 1));
        assertEquals(2.0, A.get(0, 1), "the original is unchanged");
    }

    @Test
    void allCloseComparesShapeAndTolerance() {
        assertTrue(A.allClose(A.add(1e-9), 1e-8));
        assertFalse(A.allClose(A.add(1e-6), 1e-8));
        assertFalse(A.allClose(A.transpose(), 1));
        assertFalse(A.allClose(A.map(v -> Double.NaN), 1), "NaN is never close");
    }

    @Test
    void equalityFollowsShapeAndValues() {
        assertEquals(A, Matrix.of(A.toArray()));
        assertEquals(A.hashCode(), Matrix.of(A.toArray()).hashCode());
        assertNotEquals(A, Matrix.fromRowMajor(3, 2, 1, 2, 3, 4, 5, 6));
        assertNotEquals(A, "not a matrix");
    }

    @Test
    void toStringShowsShapeAndCornerValues() {
        assertEquals("Matrix(2x3) [\n  [1.000, 2.000, 3.000]\n  [4.000, 5.000, 6.000]\n]", A.toString());
        String big = Matrix.zeros(100, 100).toString();
        assertTrue(big.startsWith("Matrix(100x100) ["), big);
        assertTrue(big.contains("..."), big);
        assertTrue(big.length() < 400, "a large matrix prints in a few lines: " + big.length());
    }

    @Test
    void rowsOfToArrayMatchGet() {
        assertArrayEquals(new double[] {4, 5, 6}, A.toArray()[1]);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, A.toRowMajor());
    }
}
