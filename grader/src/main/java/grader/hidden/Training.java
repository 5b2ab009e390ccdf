package grader.hidden;

import autodiff.BreastCancer;
import autodiff.Matrix;
import autodiff.Shuffle;
import batchnorm.Model;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * The exercise's training protocol: standardised breast-cancer data, an 80/20 split, plain SGD with
 * learning rate 0.01 on batches of 50 drawn without replacement, 100 steps, then test accuracy in
 * evaluation mode. Everything random is seeded.
 */
final class Training {
    static final double LEARNING_RATE = 0.01;
    static final int BATCH_SIZE = 50;
    static final int STEPS = 100;
    private static final BreastCancer.DataSet DATA = BreastCancer.load();
    private static final Matrix FEATURES = BreastCancer.standardize(DATA.features());

    private Training() {}

    /** The test accuracy of a model trained with this seed (model, split and batch order). */
    static double testAccuracy(long seed) {
        BreastCancer.Split split = BreastCancer.trainTestSplit(FEATURES, DATA.labels(), 0.2, seed);
        Model model = new Model(seed);
        Random random = new Random(seed);
        int[] order = Shuffle.permutation(split.trainFeatures().rows(), random);
        int next = 0;
        for (int step = 0; step < STEPS; step++) {
            if (next + BATCH_SIZE > order.length) {
                order = Shuffle.permutation(order.length, random);
                next = 0;
            }
            int[] batch = Arrays.copyOfRange(order, next, next + BATCH_SIZE);
            next += BATCH_SIZE;
            Map<String, Matrix> gradients =
                    model.loss(split.trainFeatures().selectRows(batch), split.trainLabels().selectRows(batch)).grad();
            gradients.forEach((key, gradient) -> {
                if (model.params.containsKey(key)) {
                    model.params.put(key, model.params.get(key).sub(gradient.mul(LEARNING_RATE)));
                }
            });
        }
        Matrix probabilities = model.forward(split.testFeatures(), false).value();
        int correct = 0;
        for (int i = 0; i < probabilities.rows(); i++) {
            boolean predicted = probabilities.get(i, 0) > 0.5;
            if (predicted == (split.testLabels().get(i, 0) > 0.5)) {
                correct++;
            }
        }
        return (double) correct / probabilities.rows();
    }
}
