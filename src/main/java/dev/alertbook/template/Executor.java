package dev.alertbook.template;

import dev.alertbook.golang.Quoting;
import dev.alertbook.template.GoFunction.Failure;
import dev.alertbook.template.GoFunction.Param;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs parsed templates as Go's {@code text/template} does with {@code missingkey=zero}: the same
 * evaluation order, argument checks, truth rules and error texts
 * ({@code template: NAME:1:23: executing "NAME" at <index $labels 5>: error calling index: …}).
 */
final class Executor {

    /** Go's limit on nested template calls ({@code maxExecDepth}), as its message names it. */
    private static final int MAX_DEPTH = 100_000;
    /**
     * Our limit on nesting while running, counting template calls, control structures and
     * parenthesized pipelines: one tree nests at most {@link TemplateParser#MAX_DEPTH}, so one template can
     * call another that nests that deep, and only recursion gets here. Go recurses on to
     * {@link #MAX_DEPTH} calls, but over alert data, two maps deep, a template that recurses this
     * far never stops, so it fails in Go too, with the message we give. {@link DeepStack} holds
     * this many levels, plus one tree's.
     */
    static final int MAX_NESTING = 2 * TemplateParser.MAX_DEPTH;
    /**
     * Go runs a template as long as it takes and builds its whole output; Prometheus would do that
     * for every alert. alertbook stops at these bounds, far beyond any useful alert text, so a
     * runaway loop becomes a finding instead of exhausting memory or time.
     */
    static final int MAX_OUTPUT = 1_000_000;
    static final int MAX_ROUNDS = 100_000;
    /** Go's "missing value": no pipeline result yet, as opposed to a nil value. */
    private static final Object MISSING = new Object();

    private record Variable(String name, Object value) {
    }

    /** Carries an execution error out of the recursion, as Go's executor panics. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient TemplateException exception;

        Abort(TemplateException exception) {
            super(exception.getMessage(), null, false, false);
            this.exception = exception;
        }
    }

    /** {@code {{break}}} and {@code {{continue}}} unwind to their {@code range}. */
    private static final class LoopControl extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean isBreak;

        LoopControl(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private final String parseName;
    private final String text;
    private final Map<String, ListNode> trees;
    private final Map<String, GoFunction> functions;
    private final StringBuilder out = new StringBuilder();
    private List<Variable> vars = new ArrayList<>();
    private String current;
    private Node at;
    /** How many template calls, control structures and parenthesized pipelines enclose the current node. */
    private int nesting;
    private int rounds;

    Executor(String parseName, String text, Map<String, ListNode> trees, Map<String, GoFunction> functions) {
        this.parseName = parseName;
        this.text = text;
        this.trees = trees;
        this.functions = functions;
    }

    String execute(Object data) throws TemplateException {
        current = parseName;
        vars.add(new Variable("$", data));
        ListNode root = trees.get(parseName);
        at = root;
        try {
            walk(data, root);
        } catch (Abort abort) {
            throw abort.exception;
        }
        return out.toString();
    }

    private Abort fail(String message) {
        return fail(TemplateException.Kind.EXECUTION, message);
    }

    private Abort fail(TemplateException.Kind kind, String message) {
        int pos = Math.min(at.pos(), text.length());
        String before = text.substring(0, pos);
        int lastNewline = before.lastIndexOf('\n');
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.substring(lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
        String location = parseName + ":" + line + ":" + column;
        String full = "template: " + location + ": executing " + Quoting.quote(current) + " at <" + at + ">: "
                + message;
        return new Abort(new TemplateException(kind, full, pos));
    }

    private void walk(Object dot, Node node) {
        at = node;
        if (node instanceof ActionNode action) {
            Object value = evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                at = node;
                write(value == null ? "<no value>" : GoFmt.print(value));
            }
        } else if (node instanceof BranchNode branch) {
            nesting++;
            try {
                if (branch.kind() == Branch.RANGE) {
                    walkRange(dot, branch);
                } else {
                    walkIfOrWith(dot, branch);
                }
            } finally {
                nesting--;
            }
        } else if (node instanceof ListNode list) {
            list.nodes().forEach(n -> walk(dot, n));
        } else if (node instanceof TemplateNode template) {
            walkTemplate(dot, template);
        } else if (node instanceof TextNode textNode) {
            write(textNode.text());
        } else if (node instanceof BreakNode) {
            throw new LoopControl(true);
        } else if (node instanceof ContinueNode) {
            throw new LoopControl(false);
        } else {
            throw fail("unknown node: " + node);
        }
    }

    private void walkIfOrWith(Object dot, BranchNode branch) {
        int mark = vars.size();
        try {
            Object value = evalPipeline(dot, branch.pipe());
            if (GoValues.truth(value)) {
                walk(branch.kind() == Branch.WITH ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode range) {
        int outer = vars.size();
        try {
            Object value = evalPipeline(dot, range.pipe());
            int mark = vars.size();
            at = range;
            boolean any = forEachElement(range, value, (index, element) -> oneIteration(range, index, element, mark));
            if (!any && range.elseList() != null) {
                walk(dot, range.elseList());
            }
        } finally {
            pop(outer);
        }
    }

    /** One round of a range: false stops the loop. */
    @FunctionalInterface
    private interface Round {
        boolean run(Object index, Object element);
    }

    /**
     * Runs {@code round} on each index and element, one at a time, as Go does (maps in key order),
     * so a range over a large integer never builds a list; whether there was any element.
     */
    private boolean forEachElement(BranchNode range, Object value, Round round) {
        if (value == null) {
            return false;
        }
        if (value instanceof QueryResult result) {
            value = result.samples();
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!round.run((long) i, list.get(i))) {
                    break;
                }
            }
            return !list.isEmpty();
        }
        if (value instanceof GoMap map) {
            for (Map.Entry<String, Object> entry : map.sorted().entrySet()) {
                if (!round.run(entry.getKey(), entry.getValue())) {
                    break;
                }
            }
            return !map.entries().isEmpty();
        }
        if (value instanceof Long n) {
            if (range.pipe().decl().size() > 1) {
                throw fail("can't use " + n + " to iterate over more than one variable");
            }
            for (long i = 0; i < n; i++) {
                if (!round.run(i, i)) {
                    break;
                }
            }
            return n > 0;
        }
        throw fail("range can't iterate over " + GoFmt.print(value));
    }

    /** One round of a range; false after {@code {{break}}}. */
    private boolean oneIteration(BranchNode range, Object index, Object element, int mark) {
        if (++rounds > MAX_ROUNDS) {
            at = range;
            throw fail(TemplateException.Kind.LIMIT, "alertbook stops range loops after " + MAX_ROUNDS
                    + " rounds");
        }
        List<VariableNode> decl = range.pipe().decl();
        if (!decl.isEmpty()) {
            if (range.pipe().isAssign()) {
                setVar(decl.get(0).name(), decl.size() > 1 ? index : element);
            } else {
                setTopVar(1, element);
            }
        }
        if (decl.size() > 1) {
            if (range.pipe().isAssign()) {
                setVar(decl.get(1).name(), element);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(element, range.list());
            return true;
        } catch (LoopControl control) {
            return !control.isBreak;
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, TemplateNode template) {
        at = template;
        ListNode tree = trees.get(template.name());
        if (tree == null) {
            throw fail("template " + Quoting.quote(template.name()) + " not defined");
        }
        if (nesting >= MAX_NESTING) {
            throw fail("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = template.pipe() == null ? null : evalPipeline(dot, template.pipe());
        List<Variable> saved = vars;
        String savedName = current;
        vars = new ArrayList<>(List.of(new Variable("$", newDot)));
        current = template.name();
        nesting++;
        try {
            walk(newDot, tree);
        } finally {
            nesting--;
            vars = saved;
            current = savedName;
        }
    }

    private Object evalPipeline(Object dot, PipeNode pipe) {
        at = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(variable.name(), value);
            } else {
                vars.add(new Variable(variable.name(), value));
            }
        }
        return value;
    }

    private Object evalParenthesized(Object dot, PipeNode pipe) {
        nesting++;
        try {
            return evalPipeline(dot, pipe);
        } finally {
            nesting--;
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object last) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode field) {
            at = field;
            return evalFieldChain(dot, dot, field, field.ident(), cmd.args(), last);
        }
        if (first instanceof ChainNode chain) {
            return evalChain(dot, chain, cmd.args(), last);
        }
        if (first instanceof IdentifierNode identifier) {
            return evalFunction(dot, identifier, cmd, cmd.args(), last);
        }
        if (first instanceof PipeNode pipe) {
            notAFunction(cmd.args(), last);
            return evalParenthesized(dot, pipe);
        }
        if (first instanceof VariableNode variable) {
            return evalVariable(dot, variable, cmd.args(), last);
        }
        at = first;
        notAFunction(cmd.args(), last);
        if (first instanceof BoolNode bool) {
            return bool.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw fail("nil is not a command");
        }
        if (first instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (first instanceof StringNode string) {
            return string.text();
        }
        throw fail("can't evaluate command " + Quoting.quote(first.toString()));
    }

    private void notAFunction(List<Node> args, Object last) {
        if (args.size() > 1 || last != MISSING) {
            throw fail("can't give argument to non-function " + args.get(0));
        }
    }

    private Object idealConstant(NumberNode number) {
        at = number;
        if (number.text().startsWith("'")) {
            return number.value().intValue();
        }
        Object value = number.value().ideal(number.text());
        if (value == null) {
            throw fail(number.text() + " overflows int");
        }
        return value;
    }

    private Object evalChain(Object dot, ChainNode chain, List<Node> args, Object last) {
        at = chain;
        if (chain.node() instanceof NilNode) {
            throw fail("indirection through explicit nil in " + chain);
        }
        Object receiver = evalArg(dot, Param.ANY, chain.node());
        at = chain;
        return evalFieldChain(dot, receiver, chain, chain.fields(), args, last);
    }

    private Object evalVariable(Object dot, VariableNode variable, List<Node> args, Object last) {
        at = variable;
        Object value = varValue(variable.name());
        if (variable.ident().size() == 1) {
            notAFunction(args, last);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args, last);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node node, List<String> ident, List<Node> args, Object last) {
        Object current = receiver;
        for (int i = 0; i < ident.size() - 1; i++) {
            current = evalField(dot, ident.get(i), node, List.of(), MISSING, current);
        }
        return evalField(dot, ident.get(ident.size() - 1), node, args, last, current);
    }

    private Object evalField(Object dot, String fieldName, Node node, List<Node> args, Object last, Object receiver) {
        if (receiver == null) {
            return null;
        }
        boolean hasArgs = args.size() > 1 || last != MISSING;
        if (receiver instanceof GoObject object) {
            Optional<GoFunction> method = object.method(fieldName);
            if (method.isPresent()) {
                return evalCall(dot, method.get(), node, args, last);
            }
            Optional<Object> field = object.field(fieldName);
            if (field.isPresent()) {
                if (hasArgs) {
                    throw fail(fieldName + " has arguments but cannot be invoked as function");
                }
                return field.get();
            }
        }
        if (receiver instanceof GoMap map) {
            if (hasArgs) {
                throw fail(fieldName + " is not a method but has arguments");
            }
            return map.get(fieldName);
        }
        throw fail("can't evaluate field " + fieldName + " in type " + GoValues.typeName(receiver));
    }

    private Object evalFunction(Object dot, IdentifierNode node, Node cmd, List<Node> args, Object last) {
        at = node;
        GoFunction function = functions.get(node.name());
        if (function == null) {
            throw fail(Quoting.quote(node.name()) + " is not a defined function");
        }
        return evalCall(dot, function, cmd, args, last);
    }

    /** Checks the argument count and types, then calls; {@code args} holds the function's own node first. */
    private Object evalCall(Object dot, GoFunction function, Node node, List<Node> args, Object last) {
        at = node;
        List<Node> operands = args.isEmpty() ? args : args.subList(1, args.size());
        int numIn = operands.size() + (last != MISSING ? 1 : 0);
        int numFixed = operands.size();
        String name = function.name();
        if (function.variadic() != null) {
            numFixed = function.params().size();
            if (numIn < numFixed) {
                throw fail("wrong number of args for " + name + ": want at least " + numFixed + " got " + operands.size());
            }
        } else if (numIn != function.params().size()) {
            throw fail("wrong number of args for " + name + ": want " + function.params().size() + " got " + numIn);
        }
        if (function.variadic() != null && (name.equals("and") || name.equals("or")) && functions.get(name) == function) {
            return andOr(dot, name.equals("or"), operands, last);
        }
        List<Object> argv = new ArrayList<>();
        for (Node operand : operands) {
            argv.add(evalArg(dot, function.paramAt(argv.size()), operand));
        }
        if (last != MISSING) {
            argv.add(validateType(last, function.paramAt(argv.size())));
        }
        at = node;
        Object result;
        try {
            result = function.body().call(argv);
        } catch (Failure e) {
            at = node;
            throw fail("error calling " + name + ": " + e.getMessage());
        }
        if (result instanceof String s && s.length() > MAX_OUTPUT) {
            at = node;
            throw tooLong();
        }
        return result;
    }

    /** Appends to the output, within {@link #MAX_OUTPUT}. */
    private void write(String s) {
        out.append(s);
        if (out.length() > MAX_OUTPUT) {
            throw tooLong();
        }
    }

    private Abort tooLong() {
        return fail(TemplateException.Kind.LIMIT, "alertbook stops templates whose output passes " + MAX_OUTPUT
                + " characters");
    }

    /** {@code and} and {@code or} stop at the first argument that decides the result. */
    private Object andOr(Object dot, boolean isOr, List<Node> operands, Object last) {
        Object value = null;
        for (Node operand : operands) {
            value = evalArg(dot, Param.ANY, operand);
            if (GoValues.truth(value) == isOr) {
                return value;
            }
        }
        return last != MISSING ? last : value;
    }

    private Object evalArg(Object dot, Param param, Node n) {
        at = n;
        if (n instanceof DotNode) {
            return validateType(dot, param);
        }
        if (n instanceof NilNode) {
            if (param.nillable()) {
                return null;
            }
            throw fail("cannot assign nil to " + param.goName());
        }
        if (n instanceof FieldNode field) {
            return validateType(evalFieldChain(dot, dot, field, field.ident(), List.of(n), MISSING), param);
        }
        if (n instanceof VariableNode variable) {
            return validateType(evalVariable(dot, variable, List.of(), MISSING), param);
        }
        if (n instanceof PipeNode pipe) {
            return validateType(evalParenthesized(dot, pipe), param);
        }
        if (n instanceof IdentifierNode identifier) {
            return validateType(evalFunction(dot, identifier, identifier, List.of(), MISSING), param);
        }
        if (n instanceof ChainNode chain) {
            return validateType(evalChain(dot, chain, List.of(), MISSING), param);
        }
        return constant(param, n);
    }

    private Object constant(Param param, Node n) {
        switch (param.kind()) {
            case ANY:
                if (n instanceof BoolNode bool) {
                    return bool.value();
                }
                if (n instanceof NumberNode number) {
                    return idealConstant(number);
                }
                if (n instanceof StringNode string) {
                    return string.text();
                }
                break;
            case STRING:
                if (n instanceof StringNode string) {
                    return string.text();
                }
                throw fail("expected string; found " + n);
            default:
                break;
        }
        throw fail("can't handle " + n + " for arg of type " + param.goName());
    }

    private Object validateType(Object value, Param param) {
        if (value == null) {
            if (param.nillable()) {
                return null;
            }
            throw fail("invalid value; expected " + param.goName());
        }
        if (param.accepts().test(value)) {
            return value;
        }
        throw fail("wrong type for value; expected " + param.goName() + "; got " + GoValues.typeName(value));
    }

    private Object varValue(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                return vars.get(i).value();
            }
        }
        throw fail("undefined variable: " + name);
    }

    private void setVar(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                vars.set(i, new Variable(name, value));
                return;
            }
        }
        throw fail("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        int i = vars.size() - n;
        vars.set(i, new Variable(vars.get(i).name(), value));
    }

    private void pop(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }
}
