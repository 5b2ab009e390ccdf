package batchnorm;

import autodiff.Matrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The demo's pictures, drawn into PNG files with XChart. Given by the kit. */
public final class Charts {
    private static final int BINS = 60;
    /** Width of one learning rate's panel in {@link #saveComparison}. */
    static final int PANEL_WIDTH = 720;
    private static final Color WITH_BATCH_NORM = new Color(31, 119, 180);
    private static final Color WITHOUT_BATCH_NORM = new Color(214, 39, 40);

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

    /**
     * {@code Train --compare}'s picture: one panel per learning rate, side by side, each with both networks'
     * median loss curve over the seeds and a band from the smallest to the largest loss at each step.
     */
    public static void saveComparison(List<Comparison.Pair> pairs, Path png) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (Comparison.Pair pair : pairs) {
            XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(520)
                    .title("learning rate " + Comparison.plain(pair.learningRate()) + ", " + pair.withBatchNorm().seeds() + " seeds")
                    .xAxisTitle("step").yAxisTitle("loss per example (median, min-max band)").build();
            // Below the plot: inside it, the legend would hide part of a band.
            chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
            // Logarithmic, so that the last steps, where the two networks differ, are not squeezed to a line at 0.
            chart.getStyler().setYAxisLogarithmic(true);
            addBand(chart, pair.withBatchNorm(), WITH_BATCH_NORM);
            addBand(chart, pair.without(), WITHOUT_BATCH_NORM);
            panels.add(BitmapEncoder.getBufferedImage(chart));
        }
        BufferedImage picture = new BufferedImage(panels.stream().mapToInt(BufferedImage::getWidth).sum(),
                panels.stream().mapToInt(BufferedImage::getHeight).max().orElse(1), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        int left = 0;
        for (BufferedImage panel : panels) {
            graphics.drawImage(panel, left, 0, null);
            left += panel.getWidth();
        }
        graphics.dispose();
        createFolder(png);
        ImageIO.write(picture, "png", png.toFile());
    }

    /** The median curve as a line, and the min-max band as a translucent polygon behind it. */
    private static void addBand(XYChart chart, Comparison.Outcome outcome, Color color) {
        Comparison.LossBand curve = outcome.curve();
        int steps = curve.median().length;
        double[] x = new double[2 * steps];
        double[] y = new double[2 * steps];
        for (int step = 0; step < steps; step++) {
            // Along the top edge (max) from the first step, back along the bottom edge (min).
            x[step] = step + 1;
            y[step] = drawable(curve.max()[step]);
            x[2 * steps - 1 - step] = step + 1;
            y[2 * steps - 1 - step] = drawable(curve.min()[step]);
        }
        String network = outcome.configuration().batchNorm() ? "with BN" : "without BN";
        XYSeries band = chart.addSeries(network + ": min..max", x, y);
        band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 60));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        double[] stepNumbers = IntStream.rangeClosed(1, steps).asDoubleStream().toArray();
        XYSeries median = chart.addSeries(network + ": median", stepNumbers,
                Arrays.stream(curve.median()).map(Charts::drawable).toArray());
        median.setLineColor(color);
        median.setMarker(SeriesMarkers.NONE);
    }

    /** A loss as XChart can draw it: an infinite loss (a run that diverged) would break the axis; NaN is a gap. */
    private static double drawable(double loss) {
        return Double.isFinite(loss) ? loss : Double.NaN;
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
        createFolder(png);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
    }

    private static void createFolder(Path png) throws IOException {
        // No window is ever opened; headless AWT also works on servers without a display.
        System.setProperty("java.awt.headless", "true");
        Path folder = png.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
    }
}
