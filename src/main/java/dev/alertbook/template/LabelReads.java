package dev.alertbook.template;

import dev.alertbook.template.Node.ActionNode;
import dev.alertbook.template.Node.Branch;
import dev.alertbook.template.Node.BranchNode;
import dev.alertbook.template.Node.CommandNode;
import dev.alertbook.template.Node.DotNode;
import dev.alertbook.template.Node.FieldNode;
import dev.alertbook.template.Node.IdentifierNode;
import dev.alertbook.template.Node.ListNode;
import dev.alertbook.template.Node.StringNode;
import dev.alertbook.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The labels of the firing sample an alert template reads, found in its parse tree:
 * {@code $labels.x}, {@code .Labels.x} and {@code $.Labels.x} where dot is still the alert data, and
 * {@code index $labels "x"}. Any other use of the whole map ({@code {{ $labels }}},
 * {@code range $labels}, {@code index $labels $k}, handing dot to a template) may read any label, so
 * {@code readsAll} is set and the list is not the whole story.
 *
 * @param reads the labels read by name, each with the offset of the name in the user's text
 */
public record LabelReads(List<LabelRead> reads, boolean readsAll) {

    /** One read of label {@code name}; {@code offset} is where the name is written. */
    public record LabelRead(String name, int offset) {
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        reads.forEach(read -> names.add(read.name()));
        return names;
    }

    static LabelReads of(ListNode root, int prefixLength) {
        Finder finder = new Finder(prefixLength);
        finder.walk(root, true);
        return new LabelReads(List.copyOf(finder.reads), finder.readsAll);
    }

    private static final class Finder {
        private final int prefixLength;
        private final List<LabelRead> reads = new ArrayList<>();
        private boolean readsAll;

        Finder(int prefixLength) {
            this.prefixLength = prefixLength;
        }

        /** {@code rootDot}: whether dot is still the alert data here, not a range or with value. */
        void walk(Node node, boolean rootDot) {
            if (node == null || node instanceof ActionNode && node.pos() < prefixLength) {
                return;
            }
            if (node instanceof BranchNode branch) {
                walk(branch.pipe(), rootDot);
                walk(branch.list(), rootDot && branch.kind() == Branch.IF);
                walk(branch.elseList(), rootDot);
            } else if (node instanceof CommandNode command && isIndexByName(command, rootDot)) {
                StringNode key = (StringNode) command.args().get(2);
                read(key.text(), key.pos() + 1);
                command.args().subList(3, command.args().size()).forEach(arg -> walk(arg, rootDot));
            } else if (node instanceof VariableNode variable) {
                variable(variable);
            } else if (node instanceof FieldNode field && rootDot) {
                labelsAt(field.ident(), 0, field.pos());
            } else if (node instanceof DotNode && rootDot) {
                readsAll = true;
            } else {
                Trees.children(node).forEach(child -> walk(child, rootDot));
            }
        }

        private boolean isIndexByName(CommandNode command, boolean rootDot) {
            List<Node> args = command.args();
            return args.size() >= 3 && args.get(0) instanceof IdentifierNode id && id.name().equals("index")
                    && isWholeLabels(args.get(1), rootDot) && args.get(2) instanceof StringNode;
        }

        private static boolean isWholeLabels(Node node, boolean rootDot) {
            if (node instanceof VariableNode variable) {
                return variable.ident().equals(List.of("$labels")) || variable.ident().equals(List.of("$", "Labels"));
            }
            return rootDot && node instanceof FieldNode field && field.ident().equals(List.of("Labels"));
        }

        private void variable(VariableNode variable) {
            List<String> ident = variable.ident();
            if (variable.name().equals("$labels")) {
                if (ident.size() == 1) {
                    readsAll = true;
                } else {
                    read(ident.get(1), variable.pos() + 1);
                }
            } else if (variable.name().equals("$")) {
                labelsAt(ident, 1, variable.pos());
            }
        }

        /**
         * {@code Labels.x…} starting at {@code ident[first]}. Like Go, the parser puts a chain of
         * fields at the dot of its second identifier, {@code pos}, so the name's offset counts from there.
         */
        private void labelsAt(List<String> ident, int first, int pos) {
            if (ident.size() <= first) {
                readsAll = true;
            } else if (ident.get(first).equals("Labels")) {
                if (ident.size() == first + 1) {
                    readsAll = true;
                } else {
                    int offset = pos + 1;
                    for (int j = 1; j <= first; j++) {
                        offset += 1 + ident.get(j).length();
                    }
                    read(ident.get(first + 1), offset);
                }
            }
        }

        private void read(String name, int offset) {
            reads.add(new LabelRead(name, offset - prefixLength));
        }
    }
}
