package dev.alertbook.template;

import dev.alertbook.golang.Quoting;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, shaped like Go's {@code text/template/parse} nodes. {@code pos} is
 * the char offset of the node in the parsed text; {@link #toString()} prints the node the way Go's
 * {@code String()} does, since execution errors quote it ({@code at <index $labels 5>}).
 */
sealed interface Node {

    int pos();

    record ListNode(int pos, List<Node> nodes) implements Node {
        @Override
        public String toString() {
            return nodes.stream().map(Node::toString).collect(Collectors.joining());
        }
    }

    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record ActionNode(int pos, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** A pipeline, with its declared or assigned variables ({@code $x := …}, {@code $x = …}). */
    record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) implements Node {
        @Override
        public String toString() {
            String commands = cmds.stream().map(CommandNode::toString).collect(Collectors.joining(" | "));
            if (decl.isEmpty()) {
                return commands;
            }
            String variables = decl.stream().map(VariableNode::toString).collect(Collectors.joining(", "));
            return variables + (isAssign ? " = " : " := ") + commands;
        }
    }

    record CommandNode(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            return args.stream().map(arg -> arg instanceof PipeNode ? "(" + arg + ")" : arg.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code $x.Field.Other}: the variable's name and the fields after it. */
    record VariableNode(int pos, List<String> ident) implements Node {
        String name() {
            return ident.get(0);
        }

        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .Field.Other} on dot. */
    record FieldNode(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return ident.stream().map(id -> "." + id).collect(Collectors.joining());
        }
    }

    /** Fields on any other term, such as {@code (first $x).Labels}. */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        @Override
        public String toString() {
            String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return head + fields.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    record NumberNode(int pos, String text, NumberValue value) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    enum Branch { IF, RANGE, WITH }

    /** {@code if}, {@code range} and {@code with}, which share their shape. */
    record BranchNode(Branch kind, int pos, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
        @Override
        public String toString() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            String otherwise = elseList == null ? "" : "{{else}}" + elseList;
            return "{{" + name + " " + pipe + "}}" + list + otherwise + "{{end}}";
        }
    }

    /** {@code {{template "name" pipeline}}}; {@code pipe} is null when no argument is given. */
    record TemplateNode(int pos, String name, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + Quoting.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
        }
    }

    record BreakNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record ContinueNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }
}
