package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch fixture ({@code grader/fixtures/batchnorm_reference.json}) was made by PyTorch, and PyTorch,
 * the numpy fallback and the committed file agree within the tolerance its README documents.
 */
class FixtureGeneratorsAgreeTest {
    private static final Path FIXTURES = Path.of("src", "main", "resources", "grader", "fixtures");
    /** Debian's python3-torch installs here; the python3 of a pyenv or venv usually has no torch. */
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void theCommittedFixtureWasMadeByPyTorch() {
        String generator = BatchNormReference.load().generator();
        assertTrue(generator.startsWith("torch ") && generator.contains("nn.BatchNorm1d"),
                "the fixture should come from torch.nn.BatchNorm1d (see grader/fixtures/README.md), its generator is: " + generator);
    }

    @Test
    void torchNumpyAndTheCommittedFileAgree() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON) && exitStatus("import torch, numpy") == 0,
                PYTHON + " cannot import torch and numpy (apt-get install python3-torch); the check needs both");
        Process check = new ProcessBuilder(PYTHON.toString(), "make_batchnorm_fixture.py", "--check")
                .directory(FIXTURES.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(2, TimeUnit.MINUTES), "the check did not finish: " + output);
        assertEquals(0, check.exitValue(), "make_batchnorm_fixture.py --check failed:\n" + output);
        assertTrue(output.contains("check passed") && output.contains("torch "), output);
    }

    private static int exitStatus(String code) throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).start();
        python.getInputStream().readAllBytes();
        if (!python.waitFor(2, TimeUnit.MINUTES)) {
            python.destroyForcibly();
            return -1;
        }
        return python.exitValue();
    }
}
