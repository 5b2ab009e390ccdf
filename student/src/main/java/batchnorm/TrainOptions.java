package batchnorm;

import java.nio.file.Path;

/**
 * The command line of {@link Train}, parsed by hand (the demo needs no command-line library).
 *
 * @param settings the training protocol, {@link Training.Settings#standard} unless flags change it
 * @param out      where the demo writes its loss curve
 * @param seeds    for {@link Mode#SEEDS}: runs seeds 0 .. seeds-1
 */
public record TrainOptions(Mode mode, Training.Settings settings, Path out, int seeds) {
    /** What {@link Train} does. */
    public enum Mode { DEMO, SEEDS, HELP }

    public static final String USAGE = String.join("\n",
            "usage: Train [--seed N] [--steps N] [--lr X] [--batch N] [--out FILE.png] [--seeds N | --help]",
            "  --seed N     seed of the split, the initial weights and the batch order (default 0)",
            "  --steps N    gradient-descent steps (default 100)",
            "  --lr X       learning rate (default 0.01)",
            "  --batch N    rows per mini-batch, drawn without replacement (default 50)",
            "  --out FILE   PNG of the loss curve (default target/loss-curve.png)",
            "  --seeds N    train seeds 0..N-1 and print min, median and max test accuracy");

    /** Parses {@code args}; throws IllegalArgumentException naming the bad flag or value. */
    public static TrainOptions parse(String... args) {
        Training.Settings standard = Training.Settings.standard(0);
        long seed = standard.seed();
        int steps = standard.steps();
        double learningRate = standard.learningRate();
        int batchSize = standard.batchSize();
        Path out = Path.of("target", "loss-curve.png");
        Mode mode = Mode.DEMO;
        int seeds = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, flag));
                case "--steps" -> steps = positive(flag, value(args, ++i, flag));
                case "--lr" -> learningRate = Double.parseDouble(value(args, ++i, flag));
                case "--batch" -> batchSize = positive(flag, value(args, ++i, flag));
                case "--out" -> out = Path.of(value(args, ++i, flag));
                case "--seeds" -> {
                    seeds = positive(flag, value(args, ++i, flag));
                    mode = Mode.SEEDS;
                }
                case "--help", "-h" -> mode = Mode.HELP;
                default -> throw new IllegalArgumentException("unknown flag '" + flag + "'");
            }
        }
        return new TrainOptions(mode, new Training.Settings(seed, steps, learningRate, batchSize), out, seeds);
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
}
