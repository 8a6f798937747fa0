package dev.alertbook.template;

import dev.alertbook.template.Node.ActionNode;
import dev.alertbook.template.Node.BranchNode;
import dev.alertbook.template.Node.ChainNode;
import dev.alertbook.template.Node.CommandNode;
import dev.alertbook.template.Node.ListNode;
import dev.alertbook.template.Node.PipeNode;
import dev.alertbook.template.Node.TemplateNode;
import java.util.Map;
import java.util.stream.Stream;

/** Walks parse trees, for questions about what a template does without running it. */
final class Trees {

    private Trees() {
    }

    static Stream<Node> nodes(Map<String, ListNode> trees) {
        return trees.values().stream().flatMap(Trees::nodes);
    }

    /** {@code node} and every node below it, parents first. */
    static Stream<Node> nodes(Node node) {
        if (node == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(node), children(node).flatMap(Trees::nodes));
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
