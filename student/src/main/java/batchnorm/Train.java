package batchnorm;

import autodiff.BreastCancer;
import autodiff.Matrix;
import autodiff.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training demo, given by the kit: trains the exercise's network on the breast-cancer data,
 * prints its progress and the eval-mode test accuracy, and draws the loss curve. Run it with
 * {@code --help} for the flags; {@code --seeds 20} compares seeds, {@code --compare} the network with
 * and without batch norm.
 */
public final class Train {
    /** Exit status for bad flags. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when the model stopped at a stub: an exercise is not implemented yet. */
    public static final int EXIT_NOT_IMPLEMENTED = 3;

    private Train() {}

    public static void main(String[] args) throws IOException {
        TrainOptions options;
        try {
            options = TrainOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Train: " + e.getMessage() + "\n" + TrainOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            switch (options.mode()) {
                case HELP -> System.out.println(TrainOptions.USAGE);
                case SEEDS -> compareSeeds(options.settings(), options.seeds());
                case COMPARE -> compareBatchNorm(options.settings(), options.seeds(), options.learningRates(), options.out());
                case DEMO -> demo(options.settings(), options.out());
            }
        } catch (UnsupportedOperationException e) {
            // A stub of the exercise: say which one, without a stack trace.
            System.err.println("Train stopped: " + e.getMessage());
            System.exit(EXIT_NOT_IMPLEMENTED);
        }
    }

    private static void demo(Training.Settings settings, Path png) throws IOException {
        BreastCancer.Split data = Training.data(settings.seed());
        System.out.printf("Training: seed %d, %d steps, learning rate %s, batches of %d (%d training rows, %d test rows)%n",
                settings.seed(), settings.steps(), settings.learningRate(), settings.batchSize(),
                data.trainFeatures().rows(), data.testFeatures().rows());
        int every = Math.max(1, settings.steps() / 10);
        Training.Result result = Training.run(settings, data, (step, loss) -> {
            if (step % every == 0 || step == settings.steps()) {
                System.out.printf("  step %4d/%d  loss per example %.4f%n", step, settings.steps(), loss);
            }
        });
        System.out.printf("test accuracy (eval mode, running averages): %.4f%n", result.testAccuracy());
        Charts.saveLossCurve(result.losses(), "Training loss, seed " + settings.seed(), png);
        System.out.println("loss curve written to " + png.toAbsolutePath());
        Path histograms = png.resolveSibling("bn1-activations.png");
        saveBn1Histograms(result.model(), data.testFeatures(), histograms);
        System.out.println("activations before and after bn1 written to " + histograms.toAbsolutePath());
    }

    /** What bn1 does to the test rows' values after training: fc1's spread output, and bn1's eval-mode output. */
    private static void saveBn1Histograms(Model model, Matrix features, Path png) throws IOException {
        Node beforeBatchNorm = model.fc1.apply(new Node(features));
        Node afterBatchNorm = model.bn1.apply(beforeBatchNorm, false);
        Charts.saveHistograms("Layer 1 on the test rows, after training", "input of bn1 (x W1)", beforeBatchNorm.value(),
                "output of bn1 (eval mode)", afterBatchNorm.value(), png);
    }

    /** Trains seeds 0 .. count-1 with otherwise equal settings and summarizes their test accuracies. */
    private static void compareSeeds(Training.Settings settings, int count) {
        double[] accuracies = new double[count];
        for (int seed = 0; seed < count; seed++) {
            Training.Settings seeded = new Training.Settings(seed, settings.steps(), settings.learningRate(), settings.batchSize());
            accuracies[seed] = Training.run(seeded, Training.data(seed), Training.Progress.SILENT).testAccuracy();
            System.out.printf("seed %2d: test accuracy %.4f%n", seed, accuracies[seed]);
        }
        Summary summary = Summary.of(accuracies);
        System.out.printf("test accuracy over seeds 0..%d: min %.4f, median %.4f, max %.4f%n",
                count - 1, summary.min(), summary.median(), summary.max());
        System.out.printf("test_accuracy_median=%.4f%n", summary.median());
    }

    /** Exercise 5: both networks on seeds 0 .. seeds-1 at each learning rate; a table, one line per rate, a PNG. */
    private static void compareBatchNorm(Training.Settings protocol, int seeds, List<Double> learningRates, Path png)
            throws IOException {
        System.out.printf(Locale.ROOT, "With and without batch norm: seeds 0..%d, %d steps, batches of %d, "
                + "the same splits, initial weights and batches for both%n", seeds - 1, protocol.steps(), protocol.batchSize());
        String row = "%-6s %-17s %-33s %-11s %s%n";
        System.out.printf(Locale.ROOT, row, "lr", "network", "test accuracy: median (min..max)", "final loss", "diverged");
        List<Comparison.Pair> pairs = new ArrayList<>();
        for (double learningRate : learningRates) {
            Comparison.Pair pair = Comparison.compare(learningRate, protocol, seeds, Training::data);
            for (Comparison.Outcome outcome : List.of(pair.withBatchNorm(), pair.without())) {
                String accuracy = String.format(Locale.ROOT, "%.4f (%.4f..%.4f)", outcome.accuracy().median(),
                        outcome.accuracy().min(), outcome.accuracy().max());
                System.out.printf(Locale.ROOT, row, Comparison.plain(learningRate), outcome.configuration().network(), accuracy,
                        String.format(Locale.ROOT, "%.4f", outcome.finalLoss().median()),
                        outcome.notFinite() + "/" + outcome.seeds());
            }
            pairs.add(pair);
        }
        System.out.println("(final loss: median over the seeds of the last step's loss per example, on its training batch;"
                + " diverged: runs whose last loss is NaN or infinite)");
        Charts.saveComparison(pairs, png);
        System.out.println("median loss curves and min-max bands written to " + png.toAbsolutePath());
        System.out.println("what this shows, and what it does not: exercises.md#exercise-5-see-what-batch-norm-changes");
        pairs.forEach(pair -> System.out.println(pair.line()));
    }
}
