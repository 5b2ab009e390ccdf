package batchnorm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import autodiff.BreastCancer;
import autodiff.GradCheck;
import autodiff.Matrix;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The network that {@code Train --compare} sets against the exercise's: batch norm out, biases in. */
class NetworkWithoutBatchNormTest {
    private static final Matrix FEATURES = Matrix.randn(8, 30, new Random(5));
    private static final Matrix LABELS = Matrix.of(new double[][] {{1}, {0}, {1}, {1}, {0}, {0}, {1}, {0}});

    @Test
    void hasWeightsAndHiddenBiasesOfTheRightShapesAndNoBatchNorm() {
        Map<String, String> shapes = new LinkedHashMap<>();
        new NetworkWithoutBatchNorm(0).params().forEach((key, value) -> shapes.put(key, value.shape()));
        assertEquals(Map.of("weight_fc1", "(30x20)", "bias_fc1", "(1x20)", "weight_fc2", "(20x10)", "bias_fc2", "(1x10)",
                "weight_fc3", "(10x1)"), shapes);
    }

    @Test
    void startsFromTheSameWeightsAsTheModelWithBatchNorm() {
        Model model = new Model(7);
        Map<String, Matrix> params = new NetworkWithoutBatchNorm(7).params();
        for (String weight : List.of("weight_fc1", "weight_fc2", "weight_fc3")) {
            assertEquals(model.params.get(weight), params.get(weight), weight + " should be drawn as Model draws it");
        }
        assertEquals(Matrix.zeros(1, 20), params.get("bias_fc1"), "biases start at zero");
    }

    @Test
    void outputsOneProbabilityPerRowInEitherMode() {
        NetworkWithoutBatchNorm network = new NetworkWithoutBatchNorm(1);
        Matrix training = network.forward(FEATURES, true).value();
        assertEquals("(8x1)", training.shape());
        for (double p : training.toRowMajor()) {
            assertTrue(p > 0 && p < 1, "a probability strictly between 0 and 1, got " + p);
        }
        assertEquals(training, network.forward(FEATURES, false).value(), "without batch norm the mode changes nothing");
    }

    @Test
    void gradientsOfTheLossAgreeWithCentralDifferences() {
        NetworkWithoutBatchNorm network = new NetworkWithoutBatchNorm(2);
        // Small weights keep tanh out of saturation, where central differences of a flat function say little.
        Map<String, Matrix> inputs = new LinkedHashMap<>();
        network.params().forEach((key, value) -> inputs.put(key, value.mul(0.2).add(key.startsWith("bias") ? 0.1 : 0.0)));
        GradCheck.Result result = GradCheck.check(nodes -> {
            nodes.forEach((key, node) -> network.params().put(key, node.value()));
            return network.loss(FEATURES, LABELS);
        }, inputs);
        assertTrue(result.passes(1e-6), result.toString());
    }

    @Test
    void theBiasesGetAGradientUnlikeABiasBeforeBatchNorm() {
        Map<String, Matrix> gradients = new NetworkWithoutBatchNorm(3).loss(FEATURES, LABELS).grad();
        for (String bias : List.of("bias_fc1", "bias_fc2")) {
            assertTrue(gradients.get(bias).map(Math::abs).sum() > 1e-6, bias + " should have a nonzero gradient: "
                    + gradients.get(bias));
        }
    }

    @Test
    void refusesLabelsOfTheWrongShape() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new NetworkWithoutBatchNorm(0).loss(FEATURES, LABELS.transpose()));
        assertEquals("loss: labels must be 8 x 1 like the output, got (1x8)", error.getMessage());
    }

    @Test
    void trainingInTheKitsLoopLowersTheLoss() {
        BreastCancer.Split data = Training.data(0);
        double[] losses = Training.train(new NetworkWithoutBatchNorm(0), new Training.Settings(0, 40, 0.01, 50),
                data.trainFeatures(), data.trainLabels(), Training.Progress.SILENT);
        double lastTen = Arrays.stream(losses, 30, 40).average().orElseThrow();
        assertTrue(lastTen < losses[0] / 2, "mean loss of steps 31-40 " + lastTen + " vs step 1 " + losses[0]);
    }
}
