package autodiff;

/**
 * The nodes of one backward pass, each numbered 0, 1, 2... in the order it was first added: an open-addressing
 * table keyed by identity and hashed on {@link Node#hash()}. An IdentityHashMap hashes on
 * System.identityHashCode, which costs a call into the JVM for every new node, and a step builds ~150 new
 * nodes (measured: 2% of a training step's profile samples).
 */
final class NodeIndex {
    private Node[] keys;
    private int[] numbers;
    private int size;

    NodeIndex(int expectedNodes) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedNodes) * 2 - 1) * 2;
        keys = new Node[capacity];
        numbers = new int[capacity];
    }

    int size() {
        return size;
    }

    /** The number of {@code node}, or -1 if it was never added. */
    int numberOf(Node node) {
        int mask = keys.length - 1;
        for (int slot = node.hash() & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == node) {
                return numbers[slot];
            }
        }
        return -1;
    }

    /** Adds {@code node} with the next number and returns true, or returns false if it is in already. */
    boolean add(Node node) {
        int mask = keys.length - 1;
        int slot = node.hash() & mask;
        for (; keys[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == node) {
                return false;
            }
        }
        keys[slot] = node;
        numbers[slot] = size++;
        if (2 * size > keys.length) {
            grow();
        }
        return true;
    }

    /** Doubles the table, so that at most half its slots are full and probes stay short. */
    private void grow() {
        Node[] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new Node[2 * oldKeys.length];
        numbers = new int[2 * oldKeys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            Node node = oldKeys[i];
            if (node != null) {
                int slot = node.hash() & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = node;
                numbers[slot] = oldNumbers[i];
            }
        }
    }
}
