package dev.alertbook.template;

import dev.alertbook.template.Node.ActionNode;
import dev.alertbook.template.Node.BranchNode;
import dev.alertbook.template.Node.ChainNode;
import dev.alertbook.template.Node.CommandNode;
import dev.alertbook.template.Node.ListNode;
import dev.alertbook.template.Node.PipeNode;
import dev.alertbook.template.Node.TemplateNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Walks parse trees, for questions about what a template does without running it. */
final class Trees {

    private Trees() {
    }

    static Stream<Node> nodes(Map<String, ListNode> trees) {
        return trees.values().stream().flatMap(Trees::nodes);
    }

    /**
     * {@code root} and every node below it, parents first. Nested streams would pass each node
     * through one stage per level above it, which takes minutes on a tree nested 10,000 deep.
     */
    static Stream<Node> nodes(Node root) {
        List<Node> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            found.add(node);
            List<Node> children = children(node).filter(Objects::nonNull).toList();
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return found.stream();
    }

    static Stream<Node> children(Node node) {
        if (node instanceof ListNode list) {
            return list.nodes().stream();
        }
        if (node instanceof ActionNode action) {
            return Stream.of(action.pipe());
        }
        if (node instanceof PipeNode pipe) {
            return Stream.concat(pipe.decl().stream(), pipe.cmds().stream());
        }
        if (node instanceof CommandNode command) {
            return command.args().stream();
        }
        if (node instanceof ChainNode chain) {
            return Stream.of(chain.node());
        }
        if (node instanceof BranchNode branch) {
            return Stream.of(branch.pipe(), branch.list(), branch.elseList());
        }
        if (node instanceof TemplateNode template) {
            return Stream.of(template.pipe());
        }
        return Stream.empty();
    }
}
