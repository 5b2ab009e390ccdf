package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreastCancerTest {
    private static final BreastCancer.DataSet DATA = BreastCancer.load();
    private static final String HEADER = "h" + ",x".repeat(30) + "\n";

    private static String row(String label) {
        return "1.0,".repeat(30) + label + "\n";
    }

    @Test
    void theDataSetHas569RowsOf30FeaturesAndAColumnOfLabels() {
        assertEquals("(569x30)", DATA.features().shape());
        assertEquals("(569x1)", DATA.labels().shape());
        assertEquals(17.99, DATA.features().get(0, 0), "first value of the file");
    }

    @Test
    void classCountsAre212MalignantAnd357Benign() {
        assertEquals(357.0, DATA.labels().sum(), "benign rows (label 1)");
        assertEquals(212.0, DATA.labels().map(v -> 1 - v).sum(), "malignant rows (label 0)");
    }

    @Test
    void standardizeGivesZeroMeanAndUnitPopulationStdPerColumn() {
        Matrix x = BreastCancer.standardize(DATA.features());
        assertTrue(x.mean(0).allClose(Matrix.zeros(1, 30), 1e-12), x.mean(0).toString());
        assertTrue(x.mul(x).mean(0).allClose(Matrix.ones(1, 30), 1e-12), "population variance 1");
    }

    @Test
    void standardizeLeavesAConstantColumnAtZero() {
        Matrix x = BreastCancer.standardize(Matrix.of(new double[][] {{1, 5}, {3, 5}}));
        assertEquals(Matrix.of(new double[][] {{-1, 0}, {1, 0}}), x);
    }

    @Test
    void splitIsDisjointCompleteAndReproducible() {
        Matrix ids = Matrix.fromRowMajor(569, 1, java.util.stream.IntStream.range(0, 569).asDoubleStream().toArray());
        BreastCancer.Split split = BreastCancer.trainTestSplit(ids, ids, 0.2, 42);
        assertEquals(114, split.testFeatures().rows(), "ceil(0.2 * 569), as scikit-learn");
        assertEquals(455, split.trainFeatures().rows());
        Set<Double> seen = new HashSet<>();
        for (Matrix part : new Matrix[] {split.trainFeatures(), split.testFeatures()}) {
            for (double id : part.toRowMajor()) {
                assertTrue(seen.add(id), "row " + id + " appears twice");
            }
        }
        assertEquals(569, seen.size());
        assertEquals(split.trainLabels(), split.trainFeatures(), "labels travel with their rows");
        assertEquals(split.testFeatures(), BreastCancer.trainTestSplit(ids, ids, 0.2, 42).testFeatures());
        assertNotEquals(split.testFeatures(), BreastCancer.trainTestSplit(ids, ids, 0.2, 43).testFeatures());
    }

    @Test
    void splitRefusesMismatchedRowsAndBadFractions() {
        assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.trainTestSplit(Matrix.zeros(3, 2), Matrix.zeros(4, 1), 0.5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.trainTestSplit(Matrix.zeros(3, 2), Matrix.zeros(3, 1), 1.0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.trainTestSplit(Matrix.zeros(1, 2), Matrix.zeros(1, 1), 0.5, 0));
    }

    @Test
    void loadGivesWhatParseDoubleGivesForEveryFieldOfTheBundledFile() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                BreastCancer.class.getResourceAsStream(BreastCancer.RESOURCE), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(Arrays.stream(line.split(",", -1)).mapToDouble(Double::parseDouble).toArray());
            }
        }
        double[] features = rows.stream().flatMapToDouble(row -> Arrays.stream(row, 0, 30)).toArray();
        double[] labels = rows.stream().mapToDouble(row -> row[30]).toArray();
        // Matrix.equals compares the doubles' bits, so a last-digit difference anywhere fails here.
        assertEquals(Matrix.fromRowMajor(rows.size(), 30, features), DATA.features());
        assertEquals(Matrix.fromRowMajor(rows.size(), 1, labels), DATA.labels());
    }

    @Test
    void linesEndAsBufferedReaderEndsThemAndBlankOnesAreSkipped() {
        // Lines 2 to 6: a row ended by \r\n, a blank one, a row ended by a lone \r, a row ended by \n, an empty one.
        String rows = row("1").strip() + "\r\n" + "  \t\r\n" + row("0").strip() + "\r" + row("1").strip() + "\n" + "\n";
        BreastCancer.DataSet data = BreastCancer.read(new StringReader(HEADER.strip() + "\r\n" + rows), "endings.csv");
        assertEquals(Matrix.fromRowMajor(3, 1, 1, 0, 1), data.labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.read(new StringReader(HEADER + rows + "1,2"), "endings.csv"));
        assertEquals("endings.csv line 7: expected 31 comma-separated values, found 2", e.getMessage());
    }

    @Test
    void aShortRowIsReportedWithItsLineNumber() {
        String csv = HEADER + row("1") + "1,2,3\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.read(new StringReader(csv), "test.csv"));
        assertEquals("test.csv line 3: expected 31 comma-separated values, found 3", e.getMessage());
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithLineAndColumn() {
        String csv = HEADER + "1.0,abc" + ",1.0".repeat(28) + ",0\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.read(new StringReader(csv), "test.csv"));
        assertEquals("test.csv line 2, column 2: 'abc' is not a number", e.getMessage());
    }

    @Test
    void aLabelOtherThanZeroOrOneIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.read(new StringReader(HEADER + row("2")), "test.csv"));
        assertEquals("test.csv line 2: label must be 0 or 1, found 2", e.getMessage());
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsReported() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.read(new StringReader(""), "empty.csv")).getMessage().startsWith("empty.csv: the file is empty"));
        assertEquals("header.csv: no data rows after the header", assertThrows(IllegalArgumentException.class,
                () -> BreastCancer.read(new StringReader(HEADER + "\n"), "header.csv")).getMessage());
    }

    @Test
    void aWellFormedFileReadsItsRowsAndLabels() {
        BreastCancer.DataSet data = BreastCancer.read(new StringReader(HEADER + row("1") + row("0")), "ok.csv");
        assertEquals("(2x30)", data.features().shape());
        assertEquals(Matrix.fromRowMajor(2, 1, 1, 0), data.labels());
    }

    @Test
    void shuffleIsAReproduciblePermutation() {
        int[] order = Shuffle.permutation(100, new java.util.Random(5));
        assertEquals(4950, java.util.Arrays.stream(order).sum());
        assertEquals(100, java.util.Arrays.stream(order).distinct().count());
        assertEquals(java.util.Arrays.toString(order),
                java.util.Arrays.toString(Shuffle.permutation(100, new java.util.Random(5))));
    }
}
