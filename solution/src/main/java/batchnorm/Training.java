package batchnorm;

import autodiff.BreastCancer;
import autodiff.Matrix;
import autodiff.Node;
import java.util.Map;
import java.util.Random;

/**
 * The exercise's training protocol, given by the kit: standardized data with a seeded 80/20 split,
 * plain gradient descent on mini-batches, and the test accuracy measured in evaluation mode.
 */
public final class Training {
    /** Share of the rows held out for testing. */
    public static final double TEST_FRACTION = 0.2;

    /** One run's knobs; the seed fixes the split, the initial weights and the batch order. */
    public record Settings(long seed, int steps, double learningRate, int batchSize) {
        /** The protocol of exercises.md: 100 steps, learning rate 0.01, batches of 50. */
        public static Settings standard(long seed) {
            return new Settings(seed, 100, 0.01, 50);
        }
    }

    /** A finished run: the trained model, each step's mean loss per example, the eval-mode test accuracy. */
    public record Result(Model model, double[] losses, double testAccuracy) {}

    /**
     * What the training loop needs of a network. {@link Model} is one ({@link #of}); {@code Train --compare}
     * also trains {@link NetworkWithoutBatchNorm}, the same network without batch norm, in the same loop.
     */
    public interface Network {
        /** Parameters (and, for batch norm, running averages) by key; SGD puts new matrices here. */
        Map<String, Matrix> params();

        /** n x 1 probabilities of "benign"; {@code train} picks batch norm's mode. */
        Node forward(Matrix x, boolean train);

        /** Summed binary cross-entropy of the training-mode output; {@code y} is n x 1. */
        Node loss(Matrix x, Matrix y);

        /** The exercise's network as a {@code Network}; Model itself stays as students know it. */
        static Network of(Model model) {
            return new Network() {
                @Override
                public Map<String, Matrix> params() {
                    return model.params;
                }

                @Override
                public Node forward(Matrix x, boolean train) {
                    return model.forward(x, train);
                }

                @Override
                public Node loss(Matrix x, Matrix y) {
                    return model.loss(x, y);
                }
            };
        }
    }

    /** Told about every step, for progress output. */
    @FunctionalInterface
    public interface Progress {
        Progress SILENT = (step, loss) -> { };

        void stepDone(int step, double meanLoss);
    }

    private Training() {}

    /** The breast-cancer data, standardized per feature, split 80/20 with this seed. */
    public static BreastCancer.Split data(long seed) {
        BreastCancer.DataSet all = BreastCancer.load();
        return BreastCancer.trainTestSplit(BreastCancer.standardize(all.features()), all.labels(), TEST_FRACTION, seed);
    }

    /** Trains a new {@code Model(seed)} on {@code data} and measures it on the test rows. */
    public static Result run(Settings settings, BreastCancer.Split data, Progress progress) {
        Model model = new Model(settings.seed());
        double[] losses = train(model, settings, data.trainFeatures(), data.trainLabels(), progress);
        return new Result(model, losses, accuracy(model, data.testFeatures(), data.testLabels()));
    }

    /** {@link #train(Network, Settings, Matrix, Matrix, Progress)} for the exercise's network. */
    public static double[] train(Model model, Settings settings, Matrix features, Matrix labels, Progress progress) {
        return train(Network.of(model), settings, features, labels, progress);
    }

    /** {@link #accuracy(Network, Matrix, Matrix)} for the exercise's network. */
    public static double accuracy(Model model, Matrix features, Matrix labels) {
        return accuracy(Network.of(model), features, labels);
    }

    /** {@link #sgdStep(Network, Matrix, Matrix, double)} for the exercise's network. */
    public static double sgdStep(Model model, Matrix features, Matrix labels, double learningRate) {
        return sgdStep(Network.of(model), features, labels, learningRate);
    }

    /** {@code settings.steps()} gradient-descent steps on mini-batches; returns each step's mean loss per example. */
    public static double[] train(Network model, Settings settings, Matrix features, Matrix labels, Progress progress) {
        MiniBatches batches = new MiniBatches(features.rows(), settings.batchSize(), new Random(settings.seed()));
        double[] losses = new double[settings.steps()];
        for (int step = 0; step < settings.steps(); step++) {
            int[] rows = batches.next();
            double summedLoss = sgdStep(model, features.selectRows(rows), labels.selectRows(rows), settings.learningRate());
            losses[step] = summedLoss / rows.length;
            progress.stepDone(step + 1, losses[step]);
        }
        return losses;
    }

    /**
     * One step of gradient descent: every parameter that has a gradient moves against it,
     * {@code p = p - learningRate * dLoss/dp}, by putting a new matrix into {@code model.params()}.
     * A gradient for a name that is not a key of {@code params} has nothing to move, and is ignored.
     * Returns the summed loss of the batch before the step.
     */
    public static double sgdStep(Network model, Matrix features, Matrix labels, double learningRate) {
        Node loss = model.loss(features, labels);
        Map<String, Matrix> gradients = loss.grad();
        gradients.forEach((key, gradient) -> {
            if (model.params().containsKey(key)) {
                model.params().put(key, model.params().get(key).sub(gradient.mul(learningRate)));
            }
        });
        return loss.value().item();
    }

    /** Share of rows whose eval-mode probability of "benign" falls on the side of 0.5 that its label says. */
    public static double accuracy(Network model, Matrix features, Matrix labels) {
        Matrix probabilities = model.forward(features, false).value();
        int correct = 0;
        for (int row = 0; row < labels.rows(); row++) {
            boolean predictedBenign = probabilities.get(row, 0) > 0.5;
            boolean benign = labels.get(row, 0) == 1.0;
            if (predictedBenign == benign) {
                correct++;
            }
        }
        return (double) correct / labels.rows();
    }
}
