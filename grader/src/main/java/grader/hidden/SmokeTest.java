package grader.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import autodiff.Matrix;
import batchnorm.Model;
import grader.rubric.Points;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * TEMPORARY, for developing the runner before the real hidden tests land: delete this file when
 * merging the hidden tests (it is not part of the rubric).
 */
class SmokeTest {
    @Test
    @DisplayName("smoke: batch norm registers gamma and beta")
    @Points(value = 1, hint = "put gamma_<name> and beta_<name> into params", exercise = 2)
    void registersGammaAndBeta() {
        Model model = new Model(1);
        assertTrue(model.params.containsKey("gamma_bn1"), "params has no gamma_bn1: " + model.params.keySet());
        assertTrue(model.params.containsKey("beta_bn1"), "params has no beta_bn1: " + model.params.keySet());
    }

    @Test
    @DisplayName("smoke: forward gives one probability per row")
    @Points(value = 2, hint = "forward passes the batch through every layer", exercise = 4)
    void forwardShape() {
        Matrix x = Matrix.randn(8, 30, new Random(3));
        assertEquals("(8x1)", new Model(1).forward(x, true).value().shape(), "shape of forward's output");
    }

    @Test
    @DisplayName("smoke: eval mode works on a single row")
    @Points(value = 2, hint = "eval mode uses the running averages", exercise = 3)
    void evalSingleRow() {
        Model model = new Model(1);
        model.forward(Matrix.randn(8, 30, new Random(3)), true);
        assertEquals("(1x1)", model.forward(Matrix.randn(1, 30, new Random(4)), false).value().shape());
    }
}
