package grader.bench;

import autodiff.BreastCancer;
import batchnorm.Model;
import batchnorm.Summary;
import batchnorm.TrainOptions;
import batchnorm.Training;
import java.io.PrintStream;

/**
 * Times the training of the whole network (forward, backward and SGD update for every step) with the
 * reference solution in this JVM: warm-up runs first so the JIT has compiled the hot code, then the
 * median of the timed runs, interleaved with a same-run baseline. Run it from the repository's root after
 * {@code mvn -B verify}:
 *
 * <pre>java -cp grader/bench/target/bench.jar grader.bench.TrainingBenchmark [--seed N] [--steps N] [--lr X] [--batch N]</pre>
 *
 * The last line printed is {@code train<steps>_ms=<median>}.
 */
public final class TrainingBenchmark {
    public static final int WARMUP_RUNS = 20;
    public static final int TIMED_RUNS = 30;
    /** A figure quoted for the same 100 steps in PyTorch 1.13 on a CPU; not measured in this run. */
    public static final double PYTORCH_REFERENCE_MS = 57;

    private TrainingBenchmark() {}

    public static void main(String[] args) {
        run(TrainOptions.parse(args).settings(), System.out);
    }

    public static void run(Training.Settings settings, PrintStream out) {
        BreastCancer.Split data = Training.data(settings.seed());
        out.printf("benchmark: %d steps, batch %d, %d warm-up runs, %d timed runs%n",
                settings.steps(), settings.batchSize(), WARMUP_RUNS, TIMED_RUNS);
        double checksum = 0;
        for (int run = 0; run < WARMUP_RUNS; run++) {
            checksum += timedRun(settings, data).finalLoss;
        }
        for (int run = 0; run < WARMUP_RUNS; run++) {
            checksum += TextbookBaseline.run(settings.steps(), settings.batchSize());
        }
        // Interleaved, so that a burst of load elsewhere on the machine hits both alike.
        double[] millis = new double[TIMED_RUNS];
        double[] baselineMillis = new double[TIMED_RUNS];
        for (int run = 0; run < TIMED_RUNS; run++) {
            Timing timing = timedRun(settings, data);
            millis[run] = timing.millis;
            checksum += timing.finalLoss;
            long start = System.nanoTime();
            checksum += TextbookBaseline.run(settings.steps(), settings.batchSize());
            baselineMillis[run] = (System.nanoTime() - start) / 1e6;
        }
        Summary summary = Summary.of(millis);
        Summary baseline = Summary.of(baselineMillis);
        String name = "train" + settings.steps() + "_ms";
        // Printing the checksum keeps the JIT from discarding the work as unused.
        out.printf("checksum of final losses: %.6f%n", checksum);
        out.printf("%s min %.3f, max %.3f over %d runs%n", name, summary.min(), summary.max(), TIMED_RUNS);
        out.printf("baseline (same run): the same steps' matrix products as textbook loops, no autodiff: median %.3f ms%n",
                baseline.median());
        out.printf("ratio_train_to_textbook_products=%.2f%n", summary.median() / baseline.median());
        out.printf("reference (not measured in this run): PyTorch 1.13 on CPU, about %.0f ms for the same 100 steps%n",
                PYTORCH_REFERENCE_MS);
        out.printf("%s=%.3f%n", name, summary.median());
    }

    private record Timing(double millis, double finalLoss) {}

    private static Timing timedRun(Training.Settings settings, BreastCancer.Split data) {
        Model model = new Model(settings.seed());
        long start = System.nanoTime();
        double[] losses = Training.train(model, settings, data.trainFeatures(), data.trainLabels(), Training.Progress.SILENT);
        long elapsed = System.nanoTime() - start;
        return new Timing(elapsed / 1e6, losses[losses.length - 1]);
    }
}
