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
    private Backprop() {}

    static Map<String, Matrix> run(Node root, Matrix seed) {
        Map<String, Matrix> byName = new LinkedHashMap<>();
        if (!root.needsGradient()) {
            return byName;
        }
        List<Node> order = topologicalOrder(root);
        Map<Node, Matrix> gradients = new IdentityHashMap<>();
        gradients.put(root, seed);
        for (int i = order.size() - 1; i >= 0; i--) {
            Node node = order.get(i);
            Matrix upstream = gradients.remove(node);
            node.name().ifPresent(name -> byName.merge(name, upstream, Matrix::add));
            for (int p = 0; p < node.parentCount(); p++) {
                Node parent = node.parent(p);
                if (parent.needsGradient()) {
                    Matrix contribution = node.localGradient(p).apply(upstream)
                            .sumTo(parent.value().rows(), parent.value().cols());
                    gradients.merge(parent, contribution, Matrix::add);
                }
            }
        }
        return byName;
    }

    /** Parents before children; only nodes that lead to a named node are visited. */
    private static List<Node> topologicalOrder(Node root) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
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
