package batchnorm;

import autodiff.Matrix;
import autodiff.Node;

/**
 * The slice of the exercise's API that the fixture probes ({@code grader.fixture.ProbeTest}) compile against.
 * It is never run: the runner takes {@code batchnorm} classes from the graded submission only, so this
 * stand-in could not replace one even if it tried. It spares the engine a dependency on the solution.
 */
public final class Model {
    public Model(long seed) {
        throw new AssertionError("the stand-in Model was loaded instead of the submission's");
    }

    public Node forward(Matrix x, boolean train) {
        throw new AssertionError("the stand-in Model was loaded instead of the submission's");
    }
}
