package autodiff;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A value in a computation graph: a {@link Matrix}, an optional name, and the nodes it was computed
 * from. Calling {@link #grad(double)} on a result gives its gradient with respect to every named node.
 *
 * <p>Only primitive ops carry gradient code, each with its value and local gradient side by side;
 * sub, div, neg, mean and square are compositions of them. Gradients that flow into a broadcast
 * operand are summed back to its shape in one place ({@link Backprop}), not in every op.
 */
public final class Node {
    /**
     * The gradient an op sends to one of its parents, given the gradient arriving at the op: {@code upstream}
     * itself, or a new matrix that nothing else holds ({@link Backprop} recycles it once it is dead).
     */
    @FunctionalInterface
    interface LocalGradient {
        Matrix apply(Matrix upstream);
    }

    private static final Node[] NO_PARENTS = {};
    private static final LocalGradient[] NO_GRADIENTS = {};

    private final Matrix value;
    private final String name;
    private final Node[] parents;
    private final LocalGradient[] localGradients;
    private final boolean needsGradient;
    /**
     * Where this node sits in a {@link NodeIndex}: cheaper than System.identityHashCode, which calls into the JVM,
     * and, like it, no seed: it decides only the slot of a hash table, never an order, a number or a result.
     */
    private final int hash = ThreadLocalRandom.current().nextInt();

    /** An unnamed input: a constant such as data, whose gradient nobody asks for. */
    public Node(Matrix value) {
        this(value, null, NO_PARENTS, NO_GRADIENTS);
    }

    /** A named input, such as a parameter; {@link #grad(double)} reports its gradient under {@code name}. */
    public Node(Matrix value, String name) {
        this(value, requireName(name), NO_PARENTS, NO_GRADIENTS);
    }

    private Node(Matrix value, String name, Node[] parents, LocalGradient[] localGradients) {
        if (value == null) {
            throw new IllegalArgumentException(nullValueMessage(name));
        }
        this.value = value;
        this.name = name;
        this.parents = parents;
        this.localGradients = localGradients;
        this.needsGradient = name != null || anyNeedsGradient(parents);
    }

    private static boolean anyNeedsGradient(Node[] parents) {
        for (Node parent : parents) {
            if (parent.needsGradient) {
                return true;
            }
        }
        return false;
    }

    /**
     * A null value usually comes from {@code params.get(key)} for a key that was never put into
     * params: a named node's message asks about its own key, an unnamed one's names that call.
     */
    private static String nullValueMessage(String name) {
        if (name == null) {
            return "Node: value is null; pass a Matrix (params.get(key) gives null for a key that is not in params)";
        }
        return "Node " + name + ": value is null; is '" + name + "' in params?";
    }

    private static String requireName(String name) {
        Check.argument(name != null && !name.isBlank(), "Node: a name must be non-empty; use new Node(value) for a constant");
        return name;
    }

    /** The one place that wires the graph: every op's result is built here. */
    private static Node op(Matrix value, Node[] parents, LocalGradient... localGradients) {
        return new Node(value, null, parents, localGradients);
    }

    public Matrix value() {
        return value;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public List<Node> parents() {
        return Collections.unmodifiableList(Arrays.asList(parents));
    }

    int hash() {
        return hash;
    }

    boolean needsGradient() {
        return needsGradient;
    }

    int parentCount() {
        return parents.length;
    }

    Node parent(int index) {
        return parents[index];
    }

    LocalGradient localGradient(int parent) {
        return localGradients[parent];
    }

    // ---- primitives: value, then the local gradient of each parent ---------------------------

    public Node add(Node other) {
        return op(value.add(other.value), pair(this, other),
                g -> g,
                g -> g);
    }

    public Node mul(Node other) {
        return op(value.mul(other.value), pair(this, other),
                g -> g.mul(other.value),
                g -> g.mul(value));
    }

    public Node dot(Node other) {
        return op(value.dot(other.value), pair(this, other),
                g -> g.dotTransposed(other.value),  // g . other^T
                g -> value.transposedDot(g));       // value^T . g
    }

    public Node sum() {
        return op(Matrix.scalar(value.sum()), single(this),
                g -> g.broadcastTo(value.rows(), value.cols()));
    }

    /** Axis 0 sums each column (1 x cols); axis 1 sums each row (rows x 1). */
    public Node sum(int axis) {
        return op(value.sum(axis), single(this),
                g -> g.broadcastTo(value.rows(), value.cols()));
    }

    public Node tanh() {
        Matrix t = value.tanh();
        return op(t, single(this),
                g -> g.zip("tanh", t, (gi, ti) -> gi * (1 - ti * ti)));  // d tanh = 1 - tanh^2
    }

    public Node sigmoid() {
        Matrix s = value.map(v -> 1.0 / (1.0 + Math.exp(-v)));
        return op(s, single(this),
                g -> g.zip("sigmoid", s, (gi, si) -> gi * si * (1 - si)));  // d s = s (1 - s)
    }

    public Node log() {
        return op(value.map(Math::log), single(this),
                g -> g.div(value));  // d log x = 1 / x
    }

    public Node exp() {
        Matrix e = value.map(Math::exp);
        return op(e, single(this),
                g -> g.mul(e));  // d e^x = e^x
    }

    public Node sqrt() {
        Matrix r = value.map(Math::sqrt);
        return op(r, single(this),
                g -> g.mul(0.5).div(r));  // d sqrt x = 1 / (2 sqrt x)
    }

    public Node pow(double exponent) {
        return op(value.map(v -> Math.pow(v, exponent)), single(this),
                g -> g.mul(value.map(v -> exponent * Math.pow(v, exponent - 1))));  // d x^p = p x^(p-1)
    }

    // ---- compositions: no gradient code of their own -----------------------------------------

    public Node neg() {
        return mul(-1.0);
    }

    public Node sub(Node other) {
        Broadcast.check("sub", value, other.value);
        return add(other.neg());
    }

    public Node div(Node other) {
        Broadcast.check("div", value, other.value);
        return mul(other.pow(-1));
    }

    public Node square() {
        return mul(this);
    }

    /** Axis 0 averages each column (1 x cols); axis 1 averages each row (rows x 1). */
    public Node mean(int axis) {
        Axis.check("mean", axis);
        return sum(axis).div(axis == 0 ? value.rows() : value.cols());
    }

    public Node add(double constant) {
        return add(new Node(Matrix.scalar(constant)));
    }

    public Node sub(double constant) {
        return add(-constant);
    }

    public Node mul(double constant) {
        return mul(new Node(Matrix.scalar(constant)));
    }

    public Node div(double constant) {
        return mul(1.0 / constant);
    }

    // ---- gradients ---------------------------------------------------------------------------

    /**
     * The gradient of this node, seeded with {@code seed} times ones, with respect to every named
     * node it depends on, keyed by name. Nodes that share a name have their gradients summed;
     * unnamed nodes are left out.
     */
    public Map<String, Matrix> grad(double seed) {
        return Backprop.run(this, Matrix.full(value.rows(), value.cols(), seed));
    }

    /** The gradient seeded with ones, as for a scalar loss. */
    public Map<String, Matrix> grad() {
        return grad(1.0);
    }

    @Override
    public String toString() {
        return "Node(" + (name == null ? "" : name + ", ") + value.shape() + ")";
    }

    /** tanh of one value, as {@link #tanh()} computes it for every entry (see {@link Tanh}). */
    static double tanh(double x) {
        return Tanh.of(x);
    }

    private static Node[] single(Node x) {
        return new Node[] {x};
    }

    private static Node[] pair(Node a, Node b) {
        return new Node[] {a, b};
    }
}
