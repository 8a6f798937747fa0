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
import java.util.function.Predicate;

/**
 * Walks parse trees, for questions about what a template does without running it. Every alert
 * template of a repository is walked on each check, mostly before the JIT has compiled anything,
 * so this uses plain lists: in the interpreter a stream costs many times the loop it replaces.
 */
final class Trees {

    private Trees() {
    }

    /** Whether some node of {@code trees} is {@code wanted}. */
    static boolean anyNode(Map<String, ListNode> trees, Predicate<Node> wanted) {
        for (ListNode tree : trees.values()) {
            for (Node node : nodes(tree)) {
                if (wanted.test(node)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code root} and every node below it, parents first. Walked with a stack of its own, since
     * Go accepts trees nested 10,000 deep.
     */
    static List<Node> nodes(Node root) {
        List<Node> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            found.add(node);
            List<Node> children = children(node);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return found;
    }

    /** The nodes right below {@code node}, in template order; absent parts (no else branch) are left out. */
    static List<Node> children(Node node) {
        if (node instanceof ListNode list) {
            return list.nodes();
        }
        if (node instanceof ActionNode action) {
            return present(action.pipe());
        }
        if (node instanceof PipeNode pipe) {
            List<Node> children = new ArrayList<>(pipe.decl());
            children.addAll(pipe.cmds());
            return children;
        }
        if (node instanceof CommandNode command) {
            return command.args();
        }
        if (node instanceof ChainNode chain) {
            return present(chain.node());
        }
        if (node instanceof BranchNode branch) {
            return present(branch.pipe(), branch.list(), branch.elseList());
        }
        if (node instanceof TemplateNode template) {
            return present(template.pipe());
        }
        return List.of();
    }

    private static List<Node> present(Node... nodes) {
        List<Node> present = new ArrayList<>(nodes.length);
        for (Node node : nodes) {
            if (node != null) {
                present.add(node);
            }
        }
        return present;
    }
}
