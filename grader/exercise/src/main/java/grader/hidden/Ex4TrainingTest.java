package grader.hidden;

import static grader.hidden.BatchNormMath.normal;
import static org.junit.jupiter.api.Assertions.fail;

import autodiff.Matrix;
import autodiff.Node;
import batchnorm.Model;
import batchnorm.Training;
import grader.hidden.Diagnosis.Suspect;
import grader.rubric.Points;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exercise 4: the flag wired through {@code forward}, layers that read {@code params} when applied,
 * and the training of the exercise. Compared with the submission's own layers where possible, so a
 * mistake in Exercises 2 or 3 does not cost these points twice.
 */
@DisplayName("Exercise 4: gradient descent")
@ExtendWith(Diagnosis.Reporter.class)
public class Ex4TrainingTest {
    private static final List<String> TRAINABLE =
            List.of("weight_fc1", "weight_fc2", "weight_fc3", "gamma_bn1", "beta_bn1", "gamma_bn2", "beta_bn2");
    // The solution reaches 0.965 (110 of 114 test rows) with this seed, and no mutant of mutants.json lies
    // within two rows of 0.90. One training keeps the suite fast; seeds 0..19 give the solution 0.92 to 1.00.
    private static final long[] ACCURACY_SEEDS = {13};

    @Test
    @DisplayName("forward passes the train flag to both batch norms")
    @Points(value = 6, exercise = 4, hint = "forward(x, train) must hand train to bn1.apply and bn2.apply")
    void forwardPassesTheFlagToBothBatchNorms() {
        Matrix x = normal(12, 30, 0.0, 1.0, 101);
        for (boolean train : new boolean[] {false, true}) {
            Model model = prepared();
            Model byHand = prepared();
            Matrix out = model.forward(x, train).value();
            String mode = train ? "forward(x, true)" : "forward(x, false)";
            Diagnosis.assertClose(mode + " compared with bn1 and bn2 applied by hand with the same flag",
                    layerByLayer(byHand, x, train, train), out, 1e-12,
                    "forward should run fc1, bn1, tanh, fc2, bn2, tanh, fc3, sigmoid, passing the flag to both batch norms.",
                    new Suspect(Misconception.TRAIN_FLAG_NOT_PASSED, mode + " gave the output of the other mode: pass train on to bn1.apply and bn2.apply, "
                            + "without changing it.", layerByLayer(prepared(), x, !train, !train)),
                    new Suspect(Misconception.TRAIN_FLAG_NOT_PASSED, "bn2 did not get the flag: pass train on to bn2.apply too.",
                            layerByLayer(prepared(), x, train, !train)),
                    new Suspect(Misconception.TRAIN_FLAG_NOT_PASSED, "bn1 did not get the flag: pass train on to bn1.apply too.",
                            layerByLayer(prepared(), x, !train, train)));
            Diagnosis.check(Params.firstDifference(byHand.params, model.params) == null, Misconception.TRAIN_FLAG_NOT_PASSED,
                    mode + " left params different from the layers "
                    + "applied by hand (first difference: " + Params.firstDifference(byHand.params, model.params)
                    + "): pass the flag on, so evaluation updates nothing and training updates both layers' averages.");
        }
    }

    /** A model whose batch norms have distinct gamma, beta and running averages, so the two modes differ. */
    private static Model prepared() {
        Model model = new Model(7);
        int seed = 110;
        for (String layer : new String[] {"bn1", "bn2"}) {
            int fanIn = layer.equals("bn1") ? 20 : 10;
            Params.setBatchNorm(model, layer, normal(1, fanIn, 1.0, 0.5, seed++), normal(1, fanIn, 0.0, 0.5, seed++),
                    normal(1, fanIn, 0.0, 1.0, seed++), normal(1, fanIn, 0.0, 1.0, seed++).map(v -> 1.0 + v * v));
        }
        return model;
    }

    /** The network applied layer by layer with the submission's own layers and the given flags. */
    private static Matrix layerByLayer(Model model, Matrix x, boolean trainBn1, boolean trainBn2) {
        Node hidden = model.bn1.apply(model.fc1.apply(new Node(x)), trainBn1).tanh();
        hidden = model.bn2.apply(model.fc2.apply(hidden), trainBn2).tanh();
        return model.fc3.apply(hidden).sigmoid().value();
    }

    @Test
    @DisplayName("every layer reads its parameters from params when it is applied")
    @Points(value = 5, exercise = 4, hint = "read each weight, gamma and beta from params inside the layer, each time it runs, not once when it is built")
    void layersReadParamsAtCallTime() {
        Matrix x = normal(20, 30, 0.0, 1.0, 121);
        // Two models built from different seeds, then given the same params: only params may matter.
        Model first = withNewParams(new Model(1), 0);
        Model second = withNewParams(new Model(2), 0);
        Matrix expected = second.forward(x, true).value();
        Matrix out = first.forward(x, true).value();
        if (!out.allClose(expected, 1e-12)) {
            Diagnosis.fail(Misconception.PARAMS_CAPTURED_AT_CONSTRUCTION, "two models built from different seeds gave different outputs after every entry of params was replaced "
                    + "by the same matrices: expected " + Diagnosis.brief(expected) + ", got " + Diagnosis.brief(out) + ". "
                    + "A layer kept what it saw when it was built" + ignoredKeys(x) + "; read params each time the layer is "
                    + "applied, or training can never change it.");
        }
    }

    /** The keys whose replacement does not change the output, as " (params ... seem unused)", or "". */
    private static String ignoredKeys(Matrix x) {
        Matrix base = withNewParams(new Model(1), 0).forward(x, true).value();
        StringBuilder ignored = new StringBuilder();
        for (String key : TRAINABLE) {
            Model model = withNewParams(new Model(1), 0);
            Matrix current = model.params.get(key);
            model.params.put(key, normal(current.rows(), current.cols(), 0.5, 1.0, key.hashCode() + 1L));
            if (model.forward(x, true).value().allClose(base, 1e-12)) {
                ignored.append(ignored.length() == 0 ? "" : ", ").append(key);
            }
        }
        return ignored.length() == 0 ? "" : " (replacing " + ignored + " changed nothing)";
    }

    /** Puts new matrices, the same for every model and {@code variant}, under every trainable key. */
    private static Model withNewParams(Model model, long variant) {
        for (String key : TRAINABLE) {
            Matrix current = model.params.get(key);
            if (current == null) {
                fail("params has no entry \"" + key + "\"; the layers must register their parameters in params.");
            }
            model.params.put(key, normal(current.rows(), current.cols(), 0.5, 1.0, key.hashCode() + variant));
        }
        return model;
    }

    @Test
    @DisplayName("the exercise's training (100 steps, lr 0.01, batch 50) reaches 0.90 test accuracy in evaluation mode with a fixed seed")
    @Points(value = 7, exercise = 4, hint = "train in training mode, evaluate with forward(x, false); batch norm must work in both modes")
    void trainingReachesNinetyPercentTestAccuracy() {
        for (long seed : ACCURACY_SEEDS) {
            // The kit's own training loop, compiled with the submission: the tests train as the demo does.
            Training.Settings settings = Training.Settings.standard(seed);
            double accuracy = Training.run(settings, Training.data(seed), Training.Progress.SILENT).testAccuracy();
            if (!(accuracy >= 0.90)) {
                fail("with seed " + seed + " the test accuracy after " + settings.steps() + " steps is "
                        + Diagnosis.number(accuracy) + ", expected at least 0.90. If the other tests pass, check "
                        + "that evaluation uses the running averages and that training updates them.");
            }
        }
    }
}
