package batchnorm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the training loss per step into a PNG with XChart. Given by the kit. */
public final class LossChart {
    private LossChart() {}

    /** Writes the curve of {@code losses} (one per step) to {@code png}, creating its folder if needed. */
    public static void save(double[] losses, String title, Path png) throws IOException {
        // No window is ever opened; headless AWT also works on servers without a display.
        System.setProperty("java.awt.headless", "true");
        double[] steps = IntStream.rangeClosed(1, losses.length).asDoubleStream().toArray();
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("step").yAxisTitle("mean binary cross-entropy per example").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("training batch loss", steps, losses).setMarker(SeriesMarkers.NONE);
        Path folder = png.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
        }
    }
}
