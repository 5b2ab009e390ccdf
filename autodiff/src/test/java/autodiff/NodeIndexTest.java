package autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeIndexTest {
    @Test
    void nodesAreNumberedInTheOrderTheyWereFirstAddedWellPastTheExpectedSize() {
        NodeIndex index = new NodeIndex(4);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Node node = new Node(Matrix.scalar(i));
            nodes.add(node);
            assertTrue(index.add(node), "node " + i + " is new");
        }
        for (int i = 0; i < nodes.size(); i++) {
            assertFalse(index.add(nodes.get(i)), "node " + i + " is in already");
            assertEquals(i, index.numberOf(nodes.get(i)), "number of node " + i);
        }
        assertEquals(1000, index.size());
    }

    @Test
    void aNodeNeverAddedHasNoNumberEvenWithAnEqualValue() {
        NodeIndex index = new NodeIndex(8);
        index.add(new Node(Matrix.scalar(1)));
        assertEquals(-1, index.numberOf(new Node(Matrix.scalar(1))));
    }
}
