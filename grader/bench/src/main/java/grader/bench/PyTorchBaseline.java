package grader.bench;

import autodiff.Matrix;
import batchnorm.MiniBatches;
import batchnorm.Model;
import batchnorm.Training;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The same training run in PyTorch, in a Python process that stays up so that its runs can be
 * interleaved with ours: the script ({@code grader/bench/pytorch_training.py}) gets our exact inputs
 * (the standardized training rows, the initial weights of {@code new Model(seed)}, every step's batch
 * rows from {@link MiniBatches}), so both sides do the same arithmetic and end at the same loss, which
 * {@link Run#loss} lets the caller check.
 */
final class PyTorchBaseline implements AutoCloseable {
    private static final String SCRIPT = "/grader/bench/pytorch_training.py";
    private static final String[] WEIGHTS = {"weight_fc1", "weight_fc2", "weight_fc3"};

    /** One timed run: wall and training-thread CPU milliseconds of the steps, and the last step's loss per example. */
    record Run(double millis, double cpuMillis, double loss) {}

    private final Process process;
    private final BufferedReader replies;
    private final PrintWriter commands;
    private final Path folder;
    private final String version;

    private PyTorchBaseline(Process process, Path folder) throws IOException {
        this.process = process;
        this.folder = folder;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = reply();
        if (!ready.startsWith("ready")) {
            throw new IOException("pytorch_training.py: expected 'ready', got '" + ready + "'");
        }
        this.version = ready.substring(ready.indexOf('=') + 1);
    }

    /** Starts {@code python} on the script with the inputs of this training run. */
    static PyTorchBaseline start(String python, Training.Settings settings, Matrix features, Matrix labels)
            throws IOException {
        Path folder = Files.createTempDirectory("pytorch-baseline-");
        Path script = folder.resolve("pytorch_training.py");
        try (InputStream in = PyTorchBaseline.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path; rebuild bench.jar");
            }
            Files.copy(in, script);
        }
        Path input = folder.resolve("input.json");
        Files.writeString(input, new Gson().toJson(inputs(settings, features, labels)), StandardCharsets.UTF_8);
        // stderr goes to ours, so a Python traceback shows where it happened.
        Process process = new ProcessBuilder(python, script.toString(), input.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new PyTorchBaseline(process, folder);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Map<String, Object> inputs(Training.Settings settings, Matrix features, Matrix labels) {
        MiniBatches batches = new MiniBatches(features.rows(), settings.batchSize(), new Random(settings.seed()));
        List<int[]> rows = new ArrayList<>();
        for (int step = 0; step < settings.steps(); step++) {
            rows.add(batches.next());
        }
        Model model = new Model(settings.seed());
        List<double[][]> weights = new ArrayList<>();
        for (String key : WEIGHTS) {
            weights.add(model.params.get(key).toArray());
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("features", features.toArray());
        inputs.put("labels", labels.toRowMajor());
        inputs.put("batches", rows);
        inputs.put("weights", weights);
        inputs.put("learningRate", settings.learningRate());
        return inputs;
    }

    /** The torch version the script imported. */
    String version() {
        return version;
    }

    /** Trains once in PyTorch and returns its own timing of the steps. */
    Run run() throws IOException {
        commands.println("run");
        String reply = reply();
        try {
            String[] fields = reply.split(" ");
            return new Run(Double.parseDouble(fields[0].substring("ms=".length())),
                    Double.parseDouble(fields[1].substring("cpu_ms=".length())),
                    Double.parseDouble(fields[2].substring("loss=".length())));
        } catch (RuntimeException e) {
            throw new IOException("pytorch_training.py: expected 'ms=<x> cpu_ms=<y> loss=<z>', got '" + reply + "'", e);
        }
    }

    private String reply() throws IOException {
        String line = replies.readLine();
        if (line == null) {
            throw new IOException("pytorch_training.py ended early (see its error output above)");
        }
        return line;
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (var files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
