package grader.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python interpreter that can import torch, for {@link PyTorchBaseline}: the one named by the system
 * property {@code bench.python} or the environment variable {@code BENCH_PYTHON} when either is set (and then
 * only that one, so that a wrong setting is reported rather than passed over); otherwise {@code /usr/bin/python3}
 * (where Debian's python3-torch installs), then {@code python3} on the PATH (often a pyenv or virtualenv shim
 * without torch, hence second).
 */
final class PythonWithTorch {
    static final String PROPERTY = "bench.python";
    static final String ENVIRONMENT = "BENCH_PYTHON";
    /** Importing torch takes one or two seconds; a minute means something is wrong. */
    private static final long IMPORT_TIMEOUT_SECONDS = 60;

    /** The interpreter found, or why each candidate was refused. */
    record Search(Optional<String> python, List<String> refusals) {}

    private PythonWithTorch() {}

    static Search find() {
        Set<String> candidates = new LinkedHashSet<>();
        addIfSet(candidates, System.getProperty(PROPERTY));
        addIfSet(candidates, System.getenv(ENVIRONMENT));
        if (candidates.isEmpty()) {
            candidates.add("/usr/bin/python3");
            candidates.add("python3");
        }
        List<String> refusals = new ArrayList<>();
        for (String python : candidates) {
            String refusal = refusal(python);
            if (refusal == null) {
                return new Search(Optional.of(python), refusals);
            }
            refusals.add(python + ": " + refusal);
        }
        return new Search(Optional.empty(), refusals);
    }

    private static void addIfSet(Set<String> candidates, String python) {
        if (python != null && !python.isBlank()) {
            candidates.add(python.strip());
        }
    }

    /** Null when {@code python} imports torch; otherwise the reason, such as its last line of stderr. */
    private static String refusal(String python) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(IMPORT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "import torch took more than " + IMPORT_TIMEOUT_SECONDS + " s";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() == 0) {
                return null;
            }
            String lastLine = output.isEmpty() ? "exit " + process.exitValue() : output.substring(output.lastIndexOf('\n') + 1);
            return "cannot import torch (" + lastLine + ")";
        } catch (IOException e) {
            return "cannot be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
