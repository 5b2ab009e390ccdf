package grader.hidden;

import autodiff.Matrix;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The reference numbers of PyTorch's {@code BatchNorm1d} in {@code grader/fixtures/batchnorm_reference.json};
 * how they were made is in that folder's README.md.
 */
record BatchNormReference(String generator, double eps, double momentum, double[][] x, double[] gamma, double[] beta,
                          double[][] upstream, double[][] output, double[][] grad_x, double[] grad_gamma,
                          double[] grad_beta, double[] running_mean, double[] running_var_unbiased,
                          double[][] eval_x, double[] eval_running_mean, double[] eval_running_var,
                          double[][] eval_output) {
    private static final String RESOURCE = "/grader/fixtures/batchnorm_reference.json";

    static BatchNormReference load() {
        InputStream in = BatchNormReference.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the grader jar lacks " + RESOURCE + "; rebuild the grader");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new Gson().fromJson(reader, BatchNormReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Matrix row(double[] values) {
        return Matrix.of(new double[][] {values});
    }

    int features() {
        return gamma.length;
    }
}
