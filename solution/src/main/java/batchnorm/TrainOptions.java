package batchnorm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link Train}, parsed by hand (the demo needs no command-line library).
 *
 * @param settings      the training protocol, {@link Training.Settings#standard} unless flags change it
 * @param out           where the demo writes its loss curve, or {@code --compare} its comparison
 * @param seeds         for {@link Mode#SEEDS} and {@link Mode#COMPARE}: runs seeds 0 .. seeds-1
 * @param learningRates for {@link Mode#COMPARE}: the learning rates to compare at
 */
public record TrainOptions(Mode mode, Training.Settings settings, Path out, int seeds, List<Double> learningRates) {
    /** What {@link Train} does. */
    public enum Mode { DEMO, SEEDS, COMPARE, HELP }

    /** Seeds of {@code --compare} unless {@code --seeds} says otherwise. */
    public static final int COMPARE_SEEDS = 20;
    /** Learning rates of {@code --compare}: the exercise's, and ten times larger. */
    public static final List<Double> COMPARE_LEARNING_RATES = List.of(0.01, 0.1);

    public static final String USAGE = String.join("\n",
            "usage: Train [--seed N] [--steps N] [--lr X] [--batch N] [--out FILE.png] [--seeds N | --compare | --help]",
            "  --seed N     seed of the split, the initial weights and the batch order (default 0)",
            "  --steps N    gradient-descent steps (default 100)",
            "  --lr X       learning rate (default 0.01)",
            "  --batch N    rows per mini-batch, drawn without replacement (default 50)",
            "  --out FILE   PNG of the loss curve (default target/loss-curve.png;",
            "               with --compare target/batchnorm-compare.png)",
            "  --seeds N    train seeds 0..N-1 and print min, median and max test accuracy",
            "  --compare    the network with batch norm against the same network without it, on seeds",
            "               0..19 (or --seeds N), at each learning rate of --lrs",
            "  --lrs X,Y    learning rates of --compare (default 0.01,0.1)");

    public TrainOptions {
        learningRates = List.copyOf(learningRates);
    }

    /** Parses {@code args}; throws IllegalArgumentException naming the bad flag or value. */
    public static TrainOptions parse(String... args) {
        Training.Settings standard = Training.Settings.standard(0);
        long seed = standard.seed();
        int steps = standard.steps();
        double learningRate = standard.learningRate();
        int batchSize = standard.batchSize();
        Path out = null;
        boolean help = false;
        boolean compare = false;
        boolean oneLearningRate = false;
        int seeds = 0;
        List<Double> learningRates = COMPARE_LEARNING_RATES;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, flag));
                case "--steps" -> steps = positive(flag, value(args, ++i, flag));
                case "--lr" -> {
                    learningRate = Double.parseDouble(value(args, ++i, flag));
                    oneLearningRate = true;
                }
                case "--batch" -> batchSize = positive(flag, value(args, ++i, flag));
                case "--out" -> out = Path.of(value(args, ++i, flag));
                case "--seeds" -> seeds = positive(flag, value(args, ++i, flag));
                case "--compare" -> compare = true;
                case "--lrs" -> learningRates = learningRates(value(args, ++i, flag));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown flag '" + flag + "'");
            }
        }
        if (compare && oneLearningRate) {
            throw new IllegalArgumentException("--compare trains at every learning rate of --lrs X,Y; --lr is for one run");
        }
        Mode mode = help ? Mode.HELP : compare ? Mode.COMPARE : seeds > 0 ? Mode.SEEDS : Mode.DEMO;
        if (out == null) {
            out = Path.of("target", mode == Mode.COMPARE ? "batchnorm-compare.png" : "loss-curve.png");
        }
        if (mode == Mode.COMPARE && seeds == 0) {
            seeds = COMPARE_SEEDS;
        }
        return new TrainOptions(mode, new Training.Settings(seed, steps, learningRate, batchSize), out, seeds,
                learningRates);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int positive(String flag, String text) {
        int value = Integer.parseInt(text);
        if (value < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
        }
        return value;
    }

    private static List<Double> learningRates(String text) {
        List<Double> rates = new ArrayList<>();
        for (String part : text.split(",")) {
            double rate = Double.parseDouble(part.trim());
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--lrs takes positive learning rates such as 0.01,0.1, got '" + part + "'");
            }
            rates.add(rate);
        }
        return rates;
    }
}
