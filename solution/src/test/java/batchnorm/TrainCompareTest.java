package batchnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Train --compare} end to end, on a few seeds and steps: its last lines and its picture. */
class TrainCompareTest {
    private static final String LINE = "compare lr=%s with_bn_acc=\\d\\.\\d{4} without_bn_acc=\\d\\.\\d{4}"
            + " with_bn_loss=\\d+\\.\\d{4} without_bn_loss=\\d+\\.\\d{4}";

    @Test
    void endsWithOneLinePerLearningRateAndWritesOnePanelPerRate(@TempDir Path work) throws IOException {
        Path png = work.resolve("compare.png");
        List<String> lines = run("--compare", "--seeds", "2", "--steps", "5", "--lrs", "0.01,0.05", "--out", png.toString());
        int count = lines.size();
        assertTrue(lines.get(count - 2).matches(String.format(LINE, "0\\.01")), lines.get(count - 2));
        assertTrue(lines.get(count - 1).matches(String.format(LINE, "0\\.05")), lines.get(count - 1));
        assertEquals(2, lines.stream().filter(line -> line.startsWith("compare ")).count(), String.join("\n", lines));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertEquals(2 * Charts.PANEL_WIDTH, picture.getWidth(), "two panels side by side");
    }

    @Test
    void theTableHasARowPerNetworkAndRate(@TempDir Path work) throws IOException {
        List<String> lines = run("--compare", "--seeds", "1", "--steps", "3", "--lrs", "0.02", "--out",
                work.resolve("c.png").toString());
        for (String network : new String[] {"with batch norm", "without \\(biases\\)"}) {
            String row = "0\\.02 +" + network + " +\\d\\.\\d{4} \\(\\d\\.\\d{4}\\.\\.\\d\\.\\d{4}\\) +\\d+\\.\\d{4} +0/1";
            assertEquals(1, lines.stream().filter(line -> line.matches(row)).count(), row + " in\n" + String.join("\n", lines));
        }
    }

    @Test
    void aPictureIsDrawnEvenWhenRunsDiverged(@TempDir Path work) throws IOException {
        double inf = Double.POSITIVE_INFINITY;
        Comparison.Outcome with = Comparison.summarize(new Comparison.Configuration(true, 1.0), new double[] {0.5, 0.5, 0.5},
                new double[][] {{1, inf, Double.NaN}, {1, inf, Double.NaN}, {1, 0.5, 0.2}});
        Comparison.Outcome without = Comparison.summarize(new Comparison.Configuration(false, 1.0), new double[] {0.9, 0.9, 0.9},
                new double[][] {{1, 0.5, 0.2}, {1, 0.4, 0.1}, {1, 0.3, Double.NaN}});
        Path png = work.resolve("diverged.png");
        Charts.saveComparison(List.of(new Comparison.Pair(with, without)), png);
        assertEquals(Charts.PANEL_WIDTH, ImageIO.read(png.toFile()).getWidth());
        assertEquals(2, with.notFinite());
    }

    private static List<String> run(String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            Train.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
