package autodiff;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reverse-mode accumulation over a graph of {@link Node}s, walked without recursion. */
final class Backprop {
    /** About a training step's graph of the exercise's network, so that walking it does not regrow the index. */
    private static final int EXPECTED_NODES = 128;

    private Backprop() {}

    static Map<String, Matrix> run(Node root, Matrix seed) {
        Map<String, Matrix> byName = new LinkedHashMap<>();
        if (!root.needsGradient()) {
            return byName;
        }
        NodeIndex index = new NodeIndex(EXPECTED_NODES);
        Node[] order = topologicalOrder(root, index);
        // A node's gradient so far, by its number in index; owned when no one else holds the array, so that
        // it may be added into or recycled.
        Matrix[] sums = new Matrix[order.length];
        boolean[] owned = new boolean[order.length];
        sums[index.numberOf(root)] = seed;  // the caller's seed is not ours to recycle
        for (int i = order.length - 1; i >= 0; i--) {
            Node node = order[i];
            int number = index.numberOf(node);
            Matrix upstream = sums[number];
            sums[number] = null;  // done with: handOn below must not find it as a parent's
            boolean escapes = node.name().isPresent();
            if (escapes) {
                byName.merge(node.name().get(), upstream, Matrix::add);
            }
            for (int p = 0; p < node.parentCount(); p++) {
                Node parent = node.parent(p);
                if (parent.needsGradient()) {
                    // Every local gradient returns its upstream itself (add) or a new matrix that nothing else holds.
                    Matrix local = node.localGradient(p).apply(upstream);
                    Matrix contribution = local.sumTo(parent.value().rows(), parent.value().cols());
                    if (local != upstream && contribution != local) {
                        local.recycle();  // summed down to the parent's shape, the full-size one is dead
                    }
                    accumulate(sums, owned, index.numberOf(parent), contribution, contribution != upstream);
                }
            }
            if (owned[number] && !escapes) {
                handOn(node, upstream, sums, owned, index);
            }
        }
        return byName;
    }

    private static void accumulate(Matrix[] sums, boolean[] owned, int parent, Matrix contribution, boolean ownsContribution) {
        Matrix sum = sums[parent];
        if (sum == null) {
            sums[parent] = contribution;
            owned[parent] = ownsContribution;
            return;
        }
        if (owned[parent]) {
            sum.accumulate(contribution);
        } else {
            sums[parent] = sum.add(contribution);
            owned[parent] = true;
        }
        if (ownsContribution) {
            contribution.recycle();
        }
    }

    /**
     * After {@code node}'s parents have their contributions, its own gradient {@code sum} is dead unless a parent
     * was passed it unchanged (as add does): held by no parent, it is recycled; held by exactly one, that parent
     * now owns it; held by two (x + x), it stays with them, unowned, for the garbage collector.
     */
    private static void handOn(Node node, Matrix sum, Matrix[] sums, boolean[] owned, NodeIndex index) {
        int holder = -1;
        int holders = 0;
        for (int p = 0; p < node.parentCount(); p++) {
            Node parent = node.parent(p);
            if (p > 0 && parent == node.parent(p - 1)) {
                continue;  // the same parent twice holds the sum once
            }
            int number = parent.needsGradient() ? index.numberOf(parent) : -1;
            if (number >= 0 && sums[number] == sum) {
                holder = number;
                holders++;
            }
        }
        if (holders == 0) {
            sum.recycle();
        } else if (holders == 1) {
            owned[holder] = true;
        }
    }

    /** Parents before children; only nodes that lead to a named node are visited, and numbered in index. */
    private static Node[] topologicalOrder(Node root, NodeIndex index) {
        Node[] order = new Node[EXPECTED_NODES];
        int ordered = 0;
        // stack[d] is the node at depth d of the walk and nextParent[d] the next of its parents to visit.
        Node[] stack = new Node[16];
        int[] nextParent = new int[16];
        int depth = 0;
        stack[0] = root;
        index.add(root);
        while (depth >= 0) {
            Node node = stack[depth];
            int p = nextParent[depth];
            if (p == node.parentCount()) {
                if (ordered == order.length) {
                    order = Arrays.copyOf(order, 2 * ordered);
                }
                order[ordered++] = node;
                depth--;
                continue;
            }
            nextParent[depth] = p + 1;
            Node parent = node.parent(p);
            if (parent.needsGradient() && index.add(parent)) {
                depth++;
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, 2 * depth);
                    nextParent = Arrays.copyOf(nextParent, 2 * depth);
                }
                stack[depth] = parent;
                nextParent[depth] = 0;
            }
        }
        return Arrays.copyOf(order, ordered);
    }
}
