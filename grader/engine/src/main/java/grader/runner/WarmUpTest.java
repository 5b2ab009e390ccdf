package grader.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import autodiff.BreastCancer;
import autodiff.GradCheck;
import autodiff.Matrix;
import autodiff.Node;
import com.google.gson.Gson;
import grader.rubric.Points;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Run by the child JVM before its request arrives, while the parent compiles: it takes the hidden tests'
 * path through JUnit (annotated methods picked one by one), the autodiff classes and Gson (the hidden tests
 * read their reference numbers with it), so the hidden tests do not pay for loading and linking them, and a
 * batch's archive holds them (ChildStartup, in grader-app). It touches no student code and its result is
 * not reported.
 */
class WarmUpTest {
    /** Its tests as the parent selects hidden tests: one method selector each, in name order. */
    static final List<String> SELECTORS = Arrays.stream(WarmUpTest.class.getDeclaredMethods())
            .filter(method -> method.isAnnotationPresent(Test.class))
            .map(method -> WarmUpTest.class.getName() + "#" + method.getName()).sorted().toList();

    /**
     * Rounds of a batch norm's forward and backward pass. One loads the autodiff classes; more (20 until
     * GradeAllBenchmark measured it) only spend processor time on JIT compilations that the tests would have
     * made anyway: 0.05 to 0.08 core-s per submission, with the tests no faster. {@code -Dgrader.warmUpRounds=N}
     * tries others.
     */
    private static final int ROUNDS = Integer.getInteger("grader.warmUpRounds", 1);

    /** The shape of a hidden test's reference numbers: a record of numbers, rows and matrices. */
    record ReferenceNumbers(String generator, double eps, double[] gamma, double[][] x) {}

    @Test
    @DisplayName("a batch norm's forward and backward pass")
    @Points(value = 0, exercise = 2, hint = "none: the warm-up is not graded")
    void exerciseTheAutodiffCore() {
        Random random = new Random(0);
        for (int round = 0; round < ROUNDS; round++) {
            Node x = new Node(Matrix.randn(64, 30, random), "x");
            Node centered = x.sub(x.mean(0));
            Node normalized = centered.div(centered.square().mean(0).add(1e-8).sqrt());
            Map<String, Matrix> gradients = normalized.tanh().sigmoid().sum().grad();
            assertEquals(x.value().shape(), gradients.get("x").shape(), "the gradient's shape");
        }
    }

    /**
     * The rest of the core that a correct submission's tests reach, on inputs too small to cost anything: products
     * and their gradients, a log, a gradient check, and the data set's reading and preparation. Left to the tests,
     * every test JVM loaded these classes from the jar, verified them and bound their lambdas anew: about a quarter
     * of the classes that its tests loaded from outside a batch's archive.
     */
    @Test
    @DisplayName("a product, a gradient check and the data set's preparation")
    @Points(value = 0, exercise = 4, hint = "none: the warm-up is not graded")
    void exerciseTheRestOfTheCore() {
        Map<String, Matrix> inputs = Map.of("x", Matrix.fromRowMajor(2, 2, 1.0, 2.0, 3.0, 4.0),
                "w", Matrix.fromRowMajor(2, 1, 0.5, -0.25));
        GradCheck.Result check = GradCheck.check(nodes -> nodes.get("x").dot(nodes.get("w")).sigmoid().log(), inputs);
        assertTrue(check.passes(1e-6), "the gradient check");  // a fixed message: a passing warm-up formats nothing
        String header = "f" + ",f".repeat(30) + "\n";
        String rows = ("0.5" + ",1.25".repeat(29) + ",1\n" + "2" + ",0.75".repeat(29) + ",0\n").repeat(2);
        BreastCancer.DataSet data = BreastCancer.read(new StringReader(header + rows), "warm-up.csv");
        BreastCancer.Split split = BreastCancer.trainTestSplit(BreastCancer.standardize(data.features()), data.labels(), 0.5, 0);
        assertEquals(2, split.trainFeatures().rows(), "the training rows");
    }

    @Test
    @DisplayName("reference numbers read with Gson")
    @Points(value = 0, exercise = 2, hint = "none: the warm-up is not graded")
    void readReferenceNumbersWithGson() {
        ReferenceNumbers numbers = new Gson().fromJson(
                "{\"generator\": \"warm-up\", \"eps\": 1e-5, \"gamma\": [1.0, 2.0], \"x\": [[0.5, -0.5], [1.5, 2.5]]}",
                ReferenceNumbers.class);
        assertEquals(2.5, Matrix.of(numbers.x()).get(1, 1), "x[1][1]");
    }
}
