package batchnorm;

import autodiff.BreastCancer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * {@code Train --compare}: trains the exercise's network with batch norm and {@link NetworkWithoutBatchNorm}
 * on the same seeds, splits, initial weights and batches, and summarizes both. Given by the kit.
 */
public final class Comparison {
    private Comparison() {}

    /** One network at one learning rate. */
    public record Configuration(boolean batchNorm, double learningRate) {
        /** The network as {@code Train}'s table names it. */
        public String network() {
            return batchNorm ? "with batch norm" : "without (biases)";
        }

        /** A new network of this kind, with this seed's initial weights. */
        Training.Network newNetwork(long seed) {
            return batchNorm ? Training.Network.of(new Model(seed)) : new NetworkWithoutBatchNorm(seed);
        }
    }

    /**
     * One configuration over all seeds.
     *
     * @param accuracy        the eval-mode test accuracies' min, median and max
     * @param finalLoss       the last step's loss per example: min, median and max over the seeds
     * @param curve           per step, min, median and max of the loss over the seeds
     * @param notFinite       runs whose last loss is NaN or infinite (diverged)
     */
    public record Outcome(Configuration configuration, int seeds, Summary accuracy, Summary finalLoss, LossBand curve,
                          int notFinite) {}

    /** Per step, the smallest, median and largest loss over the seeds. */
    public record LossBand(double[] min, double[] median, double[] max) {
        /** {@code curves[seed][step]}, all of the same length. */
        public static LossBand of(double[][] curves) {
            int steps = curves[0].length;
            double[] min = new double[steps];
            double[] median = new double[steps];
            double[] max = new double[steps];
            for (int step = 0; step < steps; step++) {
                double[] atStep = new double[curves.length];
                for (int seed = 0; seed < curves.length; seed++) {
                    if (curves[seed].length != steps) {
                        throw new IllegalArgumentException("loss curve of seed " + seed + " has " + curves[seed].length
                                + " steps, seed 0's has " + steps);
                    }
                    atStep[seed] = curves[seed][step];
                }
                Summary summary = Summary.of(atStep);
                min[step] = summary.min();
                median[step] = summary.median();
                max[step] = summary.max();
            }
            return new LossBand(min, median, max);
        }
    }

    /** Trains seeds 0 .. seeds-1 of {@code configuration} with {@code protocol}'s steps and batch size. */
    public static Outcome run(Configuration configuration, Training.Settings protocol, int seeds,
                              LongFunction<BreastCancer.Split> data) {
        double[] accuracies = new double[seeds];
        double[][] curves = new double[seeds][];
        for (int seed = 0; seed < seeds; seed++) {
            Training.Settings settings = new Training.Settings(seed, protocol.steps(), configuration.learningRate(),
                    protocol.batchSize());
            BreastCancer.Split split = data.apply(seed);
            Training.Network network = configuration.newNetwork(seed);
            curves[seed] = Training.train(network, settings, split.trainFeatures(), split.trainLabels(),
                    Training.Progress.SILENT);
            accuracies[seed] = Training.accuracy(network, split.testFeatures(), split.testLabels());
        }
        return summarize(configuration, accuracies, curves);
    }

    /** The outcome of runs whose test accuracies and loss curves ({@code curves[seed][step]}) are known. */
    public static Outcome summarize(Configuration configuration, double[] accuracies, double[][] curves) {
        if (accuracies.length != curves.length) {
            throw new IllegalArgumentException(accuracies.length + " accuracies but " + curves.length + " loss curves");
        }
        double[] finalLosses = new double[curves.length];
        int notFinite = 0;
        for (int seed = 0; seed < curves.length; seed++) {
            finalLosses[seed] = curves[seed][curves[seed].length - 1];
            if (!Double.isFinite(finalLosses[seed])) {
                notFinite++;
            }
        }
        return new Outcome(configuration, curves.length, Summary.of(accuracies), Summary.of(finalLosses),
                LossBand.of(curves), notFinite);
    }

    /** Both networks at one learning rate. */
    public record Pair(Outcome withBatchNorm, Outcome without) {
        public Pair {
            if (!withBatchNorm.configuration().batchNorm() || without.configuration().batchNorm()
                    || withBatchNorm.configuration().learningRate() != without.configuration().learningRate()) {
                throw new IllegalArgumentException("a pair is one learning rate with and without batch norm, got "
                        + withBatchNorm.configuration() + " and " + without.configuration());
            }
        }

        public double learningRate() {
            return withBatchNorm.configuration().learningRate();
        }

        /**
         * The machine-readable line of this learning rate, medians over the seeds:
         * {@code compare lr=0.01 with_bn_acc=0.9649 without_bn_acc=0.9386 with_bn_loss=0.1023 without_bn_loss=0.2310}.
         */
        public String line() {
            return String.format(Locale.ROOT,
                    "compare lr=%s with_bn_acc=%.4f without_bn_acc=%.4f with_bn_loss=%.4f without_bn_loss=%.4f",
                    plain(learningRate()), withBatchNorm.accuracy().median(), without.accuracy().median(),
                    withBatchNorm.finalLoss().median(), without.finalLoss().median());
        }
    }

    /** Both networks on seeds 0 .. seeds-1 at {@code learningRate}. */
    public static Pair compare(double learningRate, Training.Settings protocol, int seeds,
                               LongFunction<BreastCancer.Split> data) {
        return new Pair(run(new Configuration(true, learningRate), protocol, seeds, data),
                run(new Configuration(false, learningRate), protocol, seeds, data));
    }

    /** A learning rate as typed: 0.01, not 1.0E-2. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
