package grader.bench;

import autodiff.BreastCancer;
import autodiff.Matrix;
import batchnorm.Model;
import batchnorm.Summary;
import batchnorm.TrainOptions;
import batchnorm.Training;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the training of the whole network (forward, backward and SGD update for every step) with the
 * reference solution in this JVM: warm-up runs first so the JIT has compiled the hot code, then the
 * median of the timed runs (the warm-up's first and last runs are printed too, so the cold cost stays in
 * view), interleaved with two same-run baselines: the same steps' matrix products as textbook loops, and
 * the same training in PyTorch when a Python that imports torch is found ({@link PythonWithTorch}). Run it
 * from the repository's root after {@code mvn -B verify}:
 *
 * <pre>java -cp grader/bench/target/bench.jar grader.bench.TrainingBenchmark [--seed N] [--steps N] [--lr X] [--batch N]</pre>
 *
 * With {@code java --add-modules jdk.incubator.vector ...} the products run on autodiff-simd's SIMD loops, to the
 * same bits; the first lines printed say which loops ran.
 *
 * The last lines printed are {@code train<steps>_ms=<median>}, {@code pytorch<steps>_ms=<median>},
 * {@code ratio_pytorch_to_ours_cpu=<x>} (the same runs' training-thread CPU times, steadier on a shared machine) and
 * {@code ratio_pytorch_to_ours=<pytorch / ours>} (wall-clock medians); all three {@code unmeasured} without PyTorch.
 */
public final class TrainingBenchmark {
    /**
     * C2 compiles the methods that build each step's graph (Node's ops, Model.trainingMode: a few calls per step)
     * only after about 200 trainings, and a training takes about a third less time from then on (measured on JDK 17:
     * 8 ms per training up to run 200, 5.3 ms from run 210 on; JDK 25 alike, noisier); 20 runs, the old count, timed
     * the JIT at work.
     */
    public static final int WARMUP_RUNS = 500;
    /** The warm-up's runs whose times are printed: the first ones, and the last ones before the timed runs. */
    static final int WARMUP_RUNS_SHOWN = 20;
    /** Textbook loops are a few small methods, compiled long before this many runs. */
    static final int TEXTBOOK_WARMUP_RUNS = 20;
    public static final int TIMED_RUNS = 30;
    /** PyTorch has no JIT to warm up; a few runs fill its allocator's caches. */
    public static final int PYTORCH_WARMUP_RUNS = 5;
    /** Both sides compute in float64 in the same order up to reassociation: their final losses agree this closely. */
    static final double SAME_LOSS_TOLERANCE = 1e-6;

    /**
     * CPU time of the training thread (nanosecond resolution; the process total is counted in 10 ms ticks). It
     * leaves out the JVM's GC threads, so the GC's pauses are printed beside it.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The same bean's allocation counter, where the JVM has one (HotSpot does); else null. */
    private static final com.sun.management.ThreadMXBean ALLOCATION = THREADS instanceof com.sun.management.ThreadMXBean bean
            && bean.isThreadAllocatedMemorySupported() ? bean : null;

    private TrainingBenchmark() {}

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        run(TrainOptions.parse(args).settings(), System.out);
    }

    public static void run(Training.Settings settings, PrintStream out) throws IOException {
        BreastCancer.Split data = Training.data(settings.seed());
        out.printf("benchmark: %d steps, batch %d, %d warm-up runs, %d timed runs%n",
                settings.steps(), settings.batchSize(), WARMUP_RUNS, TIMED_RUNS);
        out.println("matrix products: " + Matrix.productLoops());
        try (PyTorchBaseline pytorch = startPyTorch(settings, data, out)) {
            double checksum = 0;
            double[] warmUpMillis = new double[WARMUP_RUNS];
            for (int run = 0; run < WARMUP_RUNS; run++) {
                PyTorchBaseline.Run warmUp = timedRun(settings, data);
                warmUpMillis[run] = warmUp.millis();
                checksum += warmUp.loss();
                if (run < TEXTBOOK_WARMUP_RUNS) {
                    checksum += TextbookBaseline.run(settings.steps(), settings.batchSize());
                }
            }
            out.printf("warm-up: median of runs 1 to %d %.3f ms, of runs %d to %d %.3f ms (the JIT's compiled code takes over)%n",
                    WARMUP_RUNS_SHOWN, Summary.of(Arrays.copyOfRange(warmUpMillis, 0, WARMUP_RUNS_SHOWN)).median(),
                    WARMUP_RUNS - WARMUP_RUNS_SHOWN + 1, WARMUP_RUNS,
                    Summary.of(Arrays.copyOfRange(warmUpMillis, WARMUP_RUNS - WARMUP_RUNS_SHOWN, WARMUP_RUNS)).median());
            for (int run = 0; pytorch != null && run < PYTORCH_WARMUP_RUNS; run++) {
                pytorch.run();
            }
            // Interleaved, so that a burst of load elsewhere on the machine hits all three alike.
            double[] millis = new double[TIMED_RUNS];
            double[] textbookMillis = new double[TIMED_RUNS];
            double[] pytorchMillis = new double[TIMED_RUNS];
            double[] cpuMillis = new double[TIMED_RUNS];
            double[] pytorchCpuMillis = new double[TIMED_RUNS];
            long gcBefore = gcMillis();
            PyTorchBaseline.Run ours = null;
            PyTorchBaseline.Run theirs = null;
            long allocatedInRuns = 0;
            for (int run = 0; run < TIMED_RUNS; run++) {
                long allocatedBefore = allocatedBytes();
                ours = timedRun(settings, data);
                millis[run] = ours.millis();
                cpuMillis[run] = ours.cpuMillis();
                checksum += ours.loss();
                allocatedInRuns += allocatedBytes() - allocatedBefore;
                long start = System.nanoTime();
                checksum += TextbookBaseline.run(settings.steps(), settings.batchSize());
                textbookMillis[run] = (System.nanoTime() - start) / 1e6;
                if (pytorch != null) {
                    theirs = pytorch.run();
                    pytorchMillis[run] = theirs.millis();
                    pytorchCpuMillis[run] = theirs.cpuMillis();
                }
            }
            Summary summary = Summary.of(millis);
            String steps = String.valueOf(settings.steps());
            // Printing the checksum keeps the JIT from discarding the work as unused.
            out.printf("checksum of final losses: %.6f%n", checksum);
            out.printf("train%s_ms min %.3f, max %.3f over %d runs%n", steps, summary.min(), summary.max(), TIMED_RUNS);
            out.printf("baseline (same run): the same steps' matrix products as textbook loops, no autodiff: median %.3f ms%n",
                    Summary.of(textbookMillis).median());
            out.printf("ratio_train_to_textbook_products=%.2f%n", summary.median() / Summary.of(textbookMillis).median());
            if (ALLOCATION != null) {
                // Mean over the timed runs, each new Model included: what the garbage collector has to clear per step.
                out.printf("allocated per training step: %.1f KB%n", allocatedInRuns / 1024.0 / TIMED_RUNS / settings.steps());
            }
            String pytorchMedian = "unmeasured";
            String ratio = "unmeasured";
            String cpuRatio = "unmeasured";
            if (pytorch != null) {
                Summary pytorchSummary = Summary.of(pytorchMillis);
                out.printf("baseline (same run): PyTorch %s, float64, 1 thread: median %.3f ms, min %.3f, max %.3f%n",
                        pytorch.version(), pytorchSummary.median(), pytorchSummary.min(), pytorchSummary.max());
                checkSameLoss(ours, theirs, out);
                double ourCpu = Summary.of(cpuMillis).median();
                double theirCpu = Summary.of(pytorchCpuMillis).median();
                // On a shared machine wall time includes waiting for a core; CPU time mostly does not.
                out.printf("training thread's CPU time in the same runs: ours median %.3f ms (plus %.3f ms of GC pauses"
                        + " per round, whole loop), PyTorch median %.3f ms%n", ourCpu, (gcMillis() - gcBefore) / (double) TIMED_RUNS, theirCpu);
                cpuRatio = String.format("%.2f", theirCpu / ourCpu);
                pytorchMedian = String.format("%.3f", pytorchSummary.median());
                ratio = String.format("%.2f", pytorchSummary.median() / summary.median());
            }
            out.printf("train%s_ms=%.3f%n", steps, summary.median());
            out.printf("pytorch%s_ms=%s%n", steps, pytorchMedian);
            out.printf("ratio_pytorch_to_ours_cpu=%s%n", cpuRatio);
            out.printf("ratio_pytorch_to_ours=%s%n", ratio);
        }
    }

    /** The PyTorch baseline, or null after saying why it could not run. */
    private static PyTorchBaseline startPyTorch(Training.Settings settings, BreastCancer.Split data, PrintStream out) {
        PythonWithTorch.Search search = PythonWithTorch.find();
        if (search.python().isEmpty()) {
            out.println("PyTorch baseline: could not measure it, no Python that imports torch (tried "
                    + String.join("; ", search.refusals()) + ")");
            out.println("  (Debian/Ubuntu: apt-get install python3-torch; or point -D" + PythonWithTorch.PROPERTY
                    + "=... or " + PythonWithTorch.ENVIRONMENT + " at a Python that has it)");
            return null;
        }
        try {
            return PyTorchBaseline.start(search.python().get(), settings, data.trainFeatures(), data.trainLabels());
        } catch (IOException e) {
            out.println("PyTorch baseline: could not run it with " + search.python().get() + ": " + e.getMessage());
            return null;
        }
    }

    /** Bytes this thread has allocated so far, or 0 where the JVM does not count them. */
    private static long allocatedBytes() {
        return ALLOCATION == null ? 0 : ALLOCATION.getCurrentThreadAllocatedBytes();
    }

    /** Milliseconds that the JVM's collectors have spent so far, all collectors summed. */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** Both sides trained from the same weights on the same batches, so a different loss means different work. */
    private static void checkSameLoss(PyTorchBaseline.Run ours, PyTorchBaseline.Run theirs, PrintStream out) {
        double difference = Math.abs(ours.loss() - theirs.loss()) / Math.abs(ours.loss());
        out.printf("same work: last step's loss per example, ours %.12f, PyTorch %.12f (relative difference %.1e)%n",
                ours.loss(), theirs.loss(), difference);
        if (!(difference <= SAME_LOSS_TOLERANCE)) {
            throw new IllegalStateException("the PyTorch run ended at a different loss than ours; the two do not train"
                    + " the same network on the same batches, so their times do not compare (see pytorch_training.py)");
        }
    }

    private static PyTorchBaseline.Run timedRun(Training.Settings settings, BreastCancer.Split data) {
        Model model = new Model(settings.seed());
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        double[] losses = Training.train(model, settings, data.trainFeatures(), data.trainLabels(), Training.Progress.SILENT);
        long elapsed = System.nanoTime() - start;
        long elapsedCpu = THREADS.getCurrentThreadCpuTime() - startCpu;
        return new PyTorchBaseline.Run(elapsed / 1e6, elapsedCpu / 1e6, losses[losses.length - 1]);
    }
}
