package autodiff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The Wisconsin breast-cancer data set (569 x 30, label {@code benign}: 1 benign, 0 malignant),
 * shipped as a resource with its source note, plus the two preparation steps the exercise uses.
 */
public final class BreastCancer {
    public static final String RESOURCE = "/autodiff/breast_cancer.csv";
    public static final int FEATURES = 30;
    private static final int COLUMNS = FEATURES + 1;

    /** Features (n x 30) and labels (n x 1, the same shape as the network's output). */
    public record DataSet(Matrix features, Matrix labels) {}

    /** The two disjoint parts of a data set made by {@link #trainTestSplit}. */
    public record Split(Matrix trainFeatures, Matrix trainLabels, Matrix testFeatures, Matrix testLabels) {}

    private BreastCancer() {}

    /** Loads the bundled copy of the data set. */
    public static DataSet load() {
        InputStream in = BreastCancer.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("data set not found on the class path at " + RESOURCE
                    + "; rebuild the autodiff module (mvn -pl autodiff install)");
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    }

    /**
     * Reads a CSV with a header line and 31 numeric columns, the last one the 0/1 label.
     *
     * @param source names the input in error messages
     */
    public static DataSet read(Reader csv, String source) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(csv)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(source + ": the file is empty; expected a header line");
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    rows.add(parseRow(line, source, lineNumber));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": could not be read", e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows after the header");
        }
        double[] features = new double[rows.size() * FEATURES];
        double[] labels = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, features, i * FEATURES, FEATURES);
            labels[i] = rows.get(i)[FEATURES];
        }
        return new DataSet(Matrix.fromRowMajor(rows.size(), FEATURES, features),
                Matrix.fromRowMajor(rows.size(), 1, labels));
    }

    private static double[] parseRow(String line, String source, int lineNumber) {
        int fields = 1;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', comma + 1)) {
            fields++;
        }
        if (fields != COLUMNS) {
            throw new IllegalArgumentException(String.format("%s line %d: expected %d comma-separated values, found %d",
                    source, lineNumber, COLUMNS, fields));
        }
        double[] values = new double[COLUMNS];
        for (int c = 0, start = 0; c < COLUMNS; c++) {
            int end = c == FEATURES ? line.length() : line.indexOf(',', start);
            try {
                values[c] = DecimalField.parse(line, start, end);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format("%s line %d, column %d: '%s' is not a number",
                        source, lineNumber, c + 1, line.substring(start, end)));
            }
            start = end + 1;
        }
        double label = values[FEATURES];
        if (label != 0.0 && label != 1.0) {
            throw new IllegalArgumentException(String.format("%s line %d: label must be 0 or 1, found %s",
                    source, lineNumber, line.substring(line.lastIndexOf(',') + 1)));
        }
        return values;
    }

    /** Each column shifted to mean 0 and scaled to population standard deviation 1 (sklearn's scale). */
    public static Matrix standardize(Matrix x) {
        Matrix std = x.variance(0).map(Math::sqrt);
        // A constant column has std 0; sklearn leaves it at 0 rather than dividing by zero.
        return x.sub(x.mean(0)).div(std.map(s -> s == 0.0 ? 1.0 : s));
    }

    /**
     * A reproducible shuffle split into disjoint train and test parts. The test part has
     * ceil(testFraction * n) rows, as in scikit-learn.
     */
    public static Split trainTestSplit(Matrix x, Matrix y, double testFraction, long seed) {
        Check.argument(x.rows() == y.rows(), "trainTestSplit: features %s and labels %s have different row counts",
                x.shape(), y.shape());
        Check.argument(testFraction > 0 && testFraction < 1, "trainTestSplit: testFraction must be in (0, 1), got %s",
                testFraction);
        int n = x.rows();
        int testCount = (int) Math.ceil(testFraction * n);
        Check.argument(testCount < n, "trainTestSplit: %d rows leave no training rows at testFraction %s", n, testFraction);
        int[] order = Shuffle.permutation(n, new Random(seed));
        int[] test = Arrays.copyOfRange(order, 0, testCount);
        int[] train = Arrays.copyOfRange(order, testCount, n);
        return new Split(x.selectRows(train), y.selectRows(train), x.selectRows(test), y.selectRows(test));
    }
}
