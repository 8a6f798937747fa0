package dev.alertbook.runbook;

import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes below a Markdown node, in document order. Found by following the tree's links, without
 * recursion and without flexmark's descendant iterator, whose stack of child iterators cost more
 * than what the checks did with the nodes.
 */
final class Descendants {

    private Descendants() {
    }

    static List<Node> of(Node root) {
        List<Node> found = new ArrayList<>();
        Node node = root.getFirstChild();
        while (node != null) {
            found.add(node);
            Node next = node.getFirstChild();
            while (next == null && node != root) {
                next = node.getNext();
                node = node.getParent();
            }
            node = next;
        }
        return found;
    }
}
