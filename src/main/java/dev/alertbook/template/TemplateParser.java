package dev.alertbook.template;

import dev.alertbook.golang.Quoting;
import dev.alertbook.template.Node.ActionNode;
import dev.alertbook.template.Node.BoolNode;
import dev.alertbook.template.Node.Branch;
import dev.alertbook.template.Node.BranchNode;
import dev.alertbook.template.Node.BreakNode;
import dev.alertbook.template.Node.ChainNode;
import dev.alertbook.template.Node.CommandNode;
import dev.alertbook.template.Node.ContinueNode;
import dev.alertbook.template.Node.DotNode;
import dev.alertbook.template.Node.FieldNode;
import dev.alertbook.template.Node.IdentifierNode;
import dev.alertbook.template.Node.ListNode;
import dev.alertbook.template.Node.NilNode;
import dev.alertbook.template.Node.NumberNode;
import dev.alertbook.template.Node.PipeNode;
import dev.alertbook.template.Node.StringNode;
import dev.alertbook.template.Node.TemplateNode;
import dev.alertbook.template.Node.TextNode;
import dev.alertbook.template.Node.VariableNode;
import dev.alertbook.template.TemplateToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's {@code text/template/parse} parser: the same grammar, the same checks at parse time
 * (functions must exist, variables must be declared) and the same error texts, so a template
 * alertbook accepts is one Prometheus accepts.
 */
final class TemplateParser {

    /**
     * Go's limit on nested parentheses ({@code maxStackDepth}). Go's stacks grow, so it needs no
     * limit on nested {@code if}, {@code range}, {@code with} and {@code block}; ours do not, so
     * those count toward the same limit. {@link DeepStack} holds this many levels.
     */
    static final int MAX_DEPTH = 10_000;

    /** Marks {@code {{end}}} and {@code {{else}}} while parsing lists; never part of a tree. */
    private record Delimiter(boolean isElse, int pos) {
    }

    private final String name;
    private final TemplateLexer lexer;
    private final Set<String> functions;
    private final Map<String, ListNode> trees;
    private final TemplateToken[] token = new TemplateToken[3];
    private int peekCount;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private int actionLine;
    /** How many parentheses and control structures enclose the current token. */
    private int depth;

    private TemplateParser(String name, String text, Set<String> functions, Map<String, ListNode> trees) {
        this.name = name;
        this.lexer = new TemplateLexer(text);
        this.functions = functions;
        this.trees = trees;
    }

    /** Every tree {@code text} defines, the top-level one under {@code name}. */
    static Map<String, ListNode> parse(String name, String text, Set<String> functions) throws TemplateException {
        Map<String, ListNode> trees = new LinkedHashMap<>();
        TemplateParser parser = new TemplateParser(name, text, functions, trees);
        try {
            parser.add(name, parser.top());
        } catch (Failure failure) {
            throw failure.exception;
        }
        return trees;
    }

    /** Unwinds the recursive descent on the first error, as Go's parser panics. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient TemplateException exception;

        Failure(TemplateException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }

    private TemplateToken next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lexer.next();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(TemplateToken t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(TemplateToken t2, TemplateToken t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private TemplateToken peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lexer.next();
        return token[0];
    }

    private TemplateToken nextNonSpace() {
        TemplateToken t;
        do {
            t = next();
        } while (t.kind() == Kind.SPACE);
        return t;
    }

    private TemplateToken peekNonSpace() {
        TemplateToken t = nextNonSpace();
        backup();
        return t;
    }

    private Failure error(String message) {
        return error(message, token[0].pos(), TemplateException.Kind.SYNTAX);
    }

    private Failure error(String message, int pos, TemplateException.Kind kind) {
        String text = "template: " + name + ":" + token[0].line() + ": " + message;
        return new Failure(new TemplateException(kind, text, pos));
    }

    private Failure unexpected(TemplateToken t, String context) {
        if (t.kind() == Kind.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + name + ":" + actionLine;
                if (t.text().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return error(t.text() + extra, t.pos(), TemplateException.Kind.SYNTAX);
        }
        return error("unexpected " + t + " in " + context, t.pos(), TemplateException.Kind.SYNTAX);
    }

    private TemplateToken expect(Kind expected, String context) {
        TemplateToken t = nextNonSpace();
        if (t.kind() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    private void add(String treeName, ListNode root) {
        ListNode existing = trees.get(treeName);
        if (existing == null || isEmpty(existing)) {
            trees.put(treeName, root);
        } else if (!isEmpty(root)) {
            throw error("template: multiple definition of template " + Quoting.quote(treeName));
        }
    }

    /** Go's {@code IsEmptyTree}: nothing but space and comments. */
    static boolean isEmpty(Node node) {
        if (node instanceof ListNode list) {
            return list.nodes().stream().allMatch(TemplateParser::isEmpty);
        }
        return node instanceof TextNode text && text.text().isBlank();
    }

    private ListNode top() {
        List<Node> nodes = new ArrayList<>();
        int pos = peek().pos();
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.LEFT_DELIM) {
                TemplateToken delim = next();
                if (nextNonSpace().kind() == Kind.DEFINE) {
                    definition();
                    continue;
                }
                backup2(delim);
            }
            Object n = textOrAction();
            if (n instanceof Delimiter d) {
                throw error("unexpected " + (d.isElse() ? "{{else}}" : "{{end}}"));
            }
            nodes.add((Node) n);
        }
        return new ListNode(pos, nodes);
    }

    private void definition() {
        String context = "define clause";
        String treeName = templateName(nextNonSpace(), context);
        expect(Kind.RIGHT_DELIM, context);
        namedTree(treeName, context);
    }

    /** The body of {@code define} or {@code block}: its own tree, which sees only {@code $}. */
    private void namedTree(String treeName, String context) {
        List<String> outer = vars;
        vars = new ArrayList<>(List.of("$"));
        enter();
        ListWithEnd body = itemList();
        depth--;
        if (body.end().isElse()) {
            throw error("unexpected {{else}} in " + context);
        }
        vars = outer;
        add(treeName, body.list());
    }

    /** One level deeper, within {@link #MAX_DEPTH}. */
    private void enter() {
        if (depth >= MAX_DEPTH) {
            throw error("max expression depth exceeded");
        }
        depth++;
    }

    private record ListWithEnd(ListNode list, Delimiter end) {
    }

    /** {@code textOrAction*}, up to {@code {{end}}} or {@code {{else}}}. */
    private ListWithEnd itemList() {
        List<Node> nodes = new ArrayList<>();
        int pos = peekNonSpace().pos();
        while (peekNonSpace().kind() != Kind.EOF) {
            Object n = textOrAction();
            if (n instanceof Delimiter d) {
                return new ListWithEnd(new ListNode(pos, nodes), d);
            }
            nodes.add((Node) n);
        }
        throw error("unexpected EOF");
    }

    private Object textOrAction() {
        TemplateToken t = nextNonSpace();
        switch (t.kind()) {
            case TEXT:
                return new TextNode(t.pos(), t.text());
            case LEFT_DELIM:
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                throw unexpected(t, "input");
        }
    }

    private Object action() {
        TemplateToken t = nextNonSpace();
        switch (t.kind()) {
            case BLOCK:
                return block();
            case BREAK:
                return loopControl(t, "{{break}}", new BreakNode(t.pos()));
            case CONTINUE:
                return loopControl(t, "{{continue}}", new ContinueNode(t.pos()));
            case ELSE:
                return elseControl();
            case END:
                return new Delimiter(false, expect(Kind.RIGHT_DELIM, "end").pos());
            case IF:
                return control(Branch.IF, "if");
            case RANGE:
                return control(Branch.RANGE, "range");
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(Branch.WITH, "with");
            default:
                break;
        }
        backup();
        TemplateToken first = peek();
        return new ActionNode(first.pos(), pipeline("command", Kind.RIGHT_DELIM));
    }

    private Node loopControl(TemplateToken keyword, String context, Node node) {
        TemplateToken t = nextNonSpace();
        if (t.kind() != Kind.RIGHT_DELIM) {
            throw unexpected(t, context);
        }
        if (rangeDepth == 0) {
            throw error(context + " outside {{range}}");
        }
        return node;
    }

    private Delimiter elseControl() {
        TemplateToken peeked = peekNonSpace();
        if (peeked.kind() == Kind.IF || peeked.kind() == Kind.WITH) {
            return new Delimiter(true, peeked.pos());
        }
        return new Delimiter(true, expect(Kind.RIGHT_DELIM, "else").pos());
    }

    private BranchNode control(Branch kind, String context) {
        int varCount = vars.size();
        enter();
        try {
            PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
            if (kind == Branch.RANGE) {
                rangeDepth++;
            }
            ListWithEnd body = itemList();
            if (kind == Branch.RANGE) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (body.end().isElse()) {
                elseList = elseBranch(kind, body.end());
            }
            return new BranchNode(kind, pipe.pos(), pipe, body.list(), elseList);
        } finally {
            depth--;
            vars = new ArrayList<>(vars.subList(0, varCount));
        }
    }

    /** {@code {{else if …}}} and {@code {{else with …}}} nest a branch that shares the {@code {{end}}}. */
    private ListNode elseBranch(Branch kind, Delimiter elseDelim) {
        if (kind == Branch.IF && peek().kind() == Kind.IF || kind == Branch.WITH && peek().kind() == Kind.WITH) {
            next();
            return new ListNode(elseDelim.pos(), List.of(control(kind, kind == Branch.IF ? "if" : "with")));
        }
        ListWithEnd otherwise = itemList();
        if (otherwise.end().isElse()) {
            throw error("expected end; found {{else}}");
        }
        return otherwise.list();
    }

    private TemplateNode block() {
        String context = "block clause";
        TemplateToken t = nextNonSpace();
        String blockName = templateName(t, context);
        PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
        namedTree(blockName, context);
        return new TemplateNode(t.pos(), blockName, pipe);
    }

    private TemplateNode templateControl() {
        String context = "template clause";
        TemplateToken t = nextNonSpace();
        String templateName = templateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Kind.RIGHT_DELIM);
        }
        return new TemplateNode(t.pos(), templateName, pipe);
    }

    private String templateName(TemplateToken t, String context) {
        if (t.kind() != Kind.STRING && t.kind() != Kind.RAW_STRING) {
            throw unexpected(t, context);
        }
        return unquote(t);
    }

    private String unquote(TemplateToken t) {
        return Quoting.unquote(t.text()).orElseThrow(() -> error("invalid syntax", t.pos(), TemplateException.Kind.SYNTAX));
    }

    /** {@code declarations? command ('|' command)*}, up to {@code end}. */
    private PipeNode pipeline(String context, Kind end) {
        int pos = peekNonSpace().pos();
        boolean isAssign = false;
        List<VariableNode> decl = new ArrayList<>();
        boolean more = true;
        while (more && peekNonSpace().kind() == Kind.VARIABLE) {
            more = false;
            TemplateToken v = next();
            TemplateToken afterVariable = peek();
            TemplateToken following = peekNonSpace();
            if (following.kind() == Kind.ASSIGN || following.kind() == Kind.DECLARE) {
                isAssign = following.kind() == Kind.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.text())));
                vars.add(v.text());
            } else if (following.kind() == Kind.CHAR && following.text().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.text())));
                vars.add(v.text());
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        more = true;
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else if (afterVariable.kind() == Kind.SPACE) {
                backup3(v, afterVariable);
            } else {
                backup2(v);
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            TemplateToken t = nextNonSpace();
            if (t.kind() == end) {
                PipeNode pipe = new PipeNode(pos, isAssign, List.copyOf(decl), List.copyOf(cmds));
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.kind()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds().isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds().size(); i++) {
            Node first = pipe.cmds().get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            TemplateToken t = next();
            if (t.kind() == Kind.SPACE) {
                continue;
            }
            if (t.kind() == Kind.RIGHT_DELIM || t.kind() == Kind.RIGHT_PAREN) {
                backup();
            } else if (t.kind() != Kind.PIPE) {
                throw unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new CommandNode(pos, List.copyOf(args));
    }

    /** {@code term .Field*}; null if the next token starts no operand. */
    private Node operand() {
        Node node = term();
        if (node == null || peek().kind() != Kind.FIELD) {
            return node;
        }
        int pos = peek().pos();
        List<String> fields = new ArrayList<>();
        while (peek().kind() == Kind.FIELD) {
            fields.add(next().text().substring(1));
        }
        if (node instanceof FieldNode field) {
            return new FieldNode(pos, concat(field.ident(), fields));
        }
        if (node instanceof VariableNode variable) {
            return new VariableNode(pos, concat(variable.ident(), fields));
        }
        if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                || node instanceof NilNode || node instanceof DotNode) {
            throw error("unexpected . after term " + Quoting.quote(node.toString()));
        }
        return new ChainNode(pos, node, List.copyOf(fields));
    }

    private static List<String> concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return List.copyOf(all);
    }

    private Node term() {
        TemplateToken t = nextNonSpace();
        switch (t.kind()) {
            case IDENTIFIER:
                if (!functions.contains(t.text())) {
                    throw error("function " + Quoting.quote(t.text()) + " not defined", t.pos(),
                            TemplateException.Kind.UNDEFINED);
                }
                return new IdentifierNode(t.pos(), t.text());
            case DOT:
                return new DotNode(t.pos());
            case NIL:
                return new NilNode(t.pos());
            case VARIABLE:
                return variable(t);
            case FIELD:
                return new FieldNode(t.pos(), List.of(t.text().substring(1)));
            case BOOL:
                return new BoolNode(t.pos(), t.text().equals("true"));
            case CHAR_CONSTANT:
                int rune = Quoting.unquoteChar(t.text())
                        .orElseThrow(() -> error("invalid syntax", t.pos(), TemplateException.Kind.SYNTAX));
                return new NumberNode(t.pos(), t.text(), new NumberValue(true, rune, true, true, rune));
            case COMPLEX:
                throw error("complex constants are not supported: " + t.text());
            case NUMBER:
                NumberValue.Result number = NumberValue.parse(t.text());
                return new NumberNode(t.pos(), t.text(), number.value()
                        .orElseThrow(() -> error(number.error(), t.pos(), TemplateException.Kind.SYNTAX)));
            case LEFT_PAREN:
                enter();
                try {
                    return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
                } finally {
                    depth--;
                }
            case STRING, RAW_STRING:
                return new StringNode(t.pos(), t.text(), unquote(t));
            default:
                backup();
                return null;
        }
    }

    private VariableNode variable(TemplateToken t) {
        String[] parts = t.text().split("\\.", -1);
        if (!vars.contains(parts[0])) {
            throw error("undefined variable " + Quoting.quote(parts[0]), t.pos(), TemplateException.Kind.UNDEFINED);
        }
        return new VariableNode(t.pos(), List.of(parts));
    }
}
