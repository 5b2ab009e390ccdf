package batchnorm;

import autodiff.Matrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The demo's pictures, drawn into PNG files with XChart. Given by the kit. */
public final class Charts {
    private static final int BINS = 60;

    private Charts() {}

    /** The loss of every training step, one point per step. */
    public static void saveLossCurve(double[] losses, String title, Path png) throws IOException {
        double[] steps = IntStream.rangeClosed(1, losses.length).asDoubleStream().toArray();
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("step").yAxisTitle("mean binary cross-entropy per example").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("training batch loss", steps, losses).setMarker(SeriesMarkers.NONE);
        write(chart, png);
    }

    /**
     * Histograms of all values of two matrices on one axis, such as a layer's input to batch norm and
     * its output: the first is spread by the weights, the second is back near mean 0 and std 1.
     */
    public static void saveHistograms(String title, String firstName, Matrix first, String secondName, Matrix second,
            Path png) throws IOException {
        double[] firstValues = first.toRowMajor();
        double[] secondValues = second.toRowMajor();
        // The middle 99% of both, so that a few far-out values do not squeeze the picture.
        double low = Math.min(percentile(firstValues, 0.005), percentile(secondValues, 0.005));
        double high = Math.max(percentile(firstValues, 0.995), percentile(secondValues, 0.995));
        double width = Math.max(high - low, 1e-9) / BINS;
        double[] centres = IntStream.range(0, BINS).mapToDouble(bin -> low + (bin + 0.5) * width).toArray();
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("value").yAxisTitle("share of values per bin").build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.addSeries(firstName, centres, shares(firstValues, low, width)).setMarker(SeriesMarkers.NONE);
        chart.addSeries(secondName, centres, shares(secondValues, low, width)).setMarker(SeriesMarkers.NONE);
        write(chart, png);
    }

    /** The share of all {@code values} in each of the {@link #BINS} bins of {@code width} from {@code low}. */
    private static double[] shares(double[] values, double low, double width) {
        double[] shares = new double[BINS];
        for (double value : values) {
            int bin = (int) Math.floor((value - low) / width);
            if (bin >= 0 && bin < BINS) {
                shares[bin] += 1.0 / values.length;
            }
        }
        return shares;
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))];
    }

    private static void write(Chart<?, ?> chart, Path png) throws IOException {
        // No window is ever opened; headless AWT also works on servers without a display.
        System.setProperty("java.awt.headless", "true");
        Path folder = png.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
    }
}
