package autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reverse-mode accumulation over a graph of {@link Node}s, walked without recursion. */
final class Backprop {
    /** About a training step's graph of the exercise's network, so that walking it does not regrow the map. */
    private static final int EXPECTED_NODES = 128;

    private Backprop() {}

    static Map<String, Matrix> run(Node root, Matrix seed) {
        Map<String, Matrix> byName = new LinkedHashMap<>();
        if (!root.needsGradient()) {
            return byName;
        }
        List<Node> order = topologicalOrder(root);
        Map<Node, Gradient> gradients = new IdentityHashMap<>(order.size());
        gradients.put(root, new Gradient(seed, false));  // the caller's seed is not ours to recycle
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            Gradient upstream = gradients.remove(node);
            boolean escapes = node.name().isPresent();
            if (escapes) {
                byName.merge(node.name().get(), upstream.sum, Matrix::add);
            }
            for (int p = 0; p < node.parentCount(); p++) {
                Node parent = node.parent(p);
                if (parent.needsGradient()) {
                    // Every local gradient returns its upstream itself (add) or a new matrix that nothing else holds.
                    Matrix local = node.localGradient(p).apply(upstream.sum);
                    Matrix contribution = local.sumTo(parent.value().rows(), parent.value().cols());
                    if (local != upstream.sum && contribution != local) {
                        local.recycle();  // summed down to the parent's shape, the full-size one is dead
                    }
                    accumulate(gradients, parent, contribution, contribution != upstream.sum);
                }
            }
            if (upstream.owned && !escapes) {
                handOn(node, upstream.sum, gradients);
            }
        }
        return byName;
    }

    /** A node's gradient so far; {@code owned} when no one else holds its array, so it may be added into or recycled. */
    private static final class Gradient {
        Matrix sum;
        boolean owned;

        Gradient(Matrix sum, boolean owned) {
            this.sum = sum;
            this.owned = owned;
        }
    }

    private static void accumulate(Map<Node, Gradient> gradients, Node parent, Matrix contribution, boolean owned) {
        Gradient gradient = gradients.get(parent);
        if (gradient == null) {
            gradients.put(parent, new Gradient(contribution, owned));
            return;
        }
        if (gradient.owned) {
            gradient.sum.accumulate(contribution);
        } else {
            gradient.sum = gradient.sum.add(contribution);
            gradient.owned = true;
        }
        if (owned) {
            contribution.recycle();
        }
    }

    /**
     * After {@code node}'s parents have their contributions, its own gradient {@code sum} is dead unless a parent
     * was passed it unchanged (as add does): held by no parent, it is recycled; held by exactly one, that parent
     * now owns it; held by two (x + x), it stays with them, unowned, for the garbage collector.
     */
    private static void handOn(Node node, Matrix sum, Map<Node, Gradient> gradients) {
        Gradient holder = null;
        int holders = 0;
        for (int p = 0; p < node.parentCount(); p++) {
            Node parent = node.parent(p);
            if (p > 0 && parent == node.parent(p - 1)) {
                continue;  // the same parent twice holds the sum once
            }
            Gradient gradient = parent.needsGradient() ? gradients.get(parent) : null;
            if (gradient != null && gradient.sum == sum) {
                holder = gradient;
                holders++;
            }
        }
        if (holders == 0) {
            sum.recycle();
        } else if (holders == 1) {
            holder.owned = true;
        }
    }

    /** Parents before children; only nodes that lead to a named node are visited. */
    private static List<Node> topologicalOrder(Node root) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>(EXPECTED_NODES);
        Deque<Node> stack = new ArrayDeque<>();
        // nextParent[d]: the next parent to visit of the node at depth d; a plain int array, not a Deque<Integer>,
        // so that walking the graph boxes nothing.
        int[] nextParent = new int[16];
        stack.push(root);
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            int depth = stack.size() - 1;
            int p = nextParent[depth];
            if (p == node.parentCount()) {
                order.add(stack.pop());
                continue;
            }
            nextParent[depth] = p + 1;
            Node parent = node.parent(p);
            if (parent.needsGradient() && visited.put(parent, Boolean.TRUE) == null) {
                stack.push(parent);
                if (depth + 1 == nextParent.length) {
                    nextParent = Arrays.copyOf(nextParent, 2 * nextParent.length);
                }
                nextParent[depth + 1] = 0;
            }
        }
        return order;
    }
}
