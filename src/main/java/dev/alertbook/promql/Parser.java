package dev.alertbook.promql;

import com.google.re2j.PatternSyntaxException;
import dev.alertbook.golang.Durations;
import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Numbers;
import dev.alertbook.golang.Numbers.NumberSyntaxException;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.TokenType.Group;
import dev.alertbook.text.Re2Patterns;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Prometheus 3.x PromQL. It follows {@code generated_parser.y}:
 * the same precedence and associativity, the same semantic checks at the same moments, and the
 * same "unexpected …" messages, whose context names the innermost construct that has an error
 * rule in the yacc grammar. Errors that yacc reports and recovers from are collected; a syntax
 * error that yacc cannot recover from stops parsing. Only the first error counts, as in Prometheus.
 */
final class Parser {

    /**
     * How deep the parser may recurse before it gives up, instead of overflowing the stack: calls,
     * aggregations and parentheses count twice, unary signs, subqueries and right-associative
     * {@code ^} once. Left-associative chains ({@code a or b or …}) are parsed in a loop and do not
     * count, so this allows some 250 levels of real nesting, far more than any rule needs.
     */
    static final int MAX_DEPTH = 500;

    /**
     * How many levels the finished tree may have, chains included: the tree walks after parsing
     * recurse once per level, and this many fit a default thread stack with room to spare.
     */
    static final int MAX_HEIGHT = 1_000;

    private static final String DURATION_EXPECTED = "number, duration, step(), or range()";

    /** Thrown to stop parsing at an error yacc would not recover from; the error is already recorded. */
    private static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    private final String input;
    private final ParseOptions options;
    private final Lexer lexer;
    private final List<PromqlError> errors = new ArrayList<>();
    private final List<Token> lookahead = new ArrayList<>();
    private int lastClosing;
    private int depth;
    /** How many aggregations enclose the current position: their error rule names the context. */
    private int aggregations;

    private Parser(String input, ParseOptions options) {
        this.input = input;
        this.options = options;
        this.lexer = new Lexer(input);
    }

    /** The expression, or the first error found. */
    static ParseResult parse(String input, ParseOptions options) {
        Parser parser = new Parser(input, options);
        Expr expr = null;
        try {
            expr = parser.top();
        } catch (Abort stopped) {
            // The error that stopped parsing is recorded; the first one recorded is reported.
        }
        if (parser.errors.isEmpty()) {
            TreeHeight.firstBelow(expr, MAX_HEIGHT).ifPresent(deep -> parser.error(deep.span().start(),
                    "expression nests deeper than " + MAX_HEIGHT + " levels, each operator of a chain counting as one; "
                            + "split it up"));
        }
        if (!parser.errors.isEmpty()) {
            return ParseResult.failed(input, parser.errors.get(0));
        }
        return ParseResult.valid(input, expr);
    }

    private Expr top() {
        if (current().type() == TokenType.EOF) {
            throw fail(0, "no expression found in input");
        }
        Expr expr = expression(0);
        if (current().type() != TokenType.EOF) {
            throw unexpected();
        }
        return expr;
    }

    // ---- Tokens -------------------------------------------------------------------------------

    private Token current() {
        return peek(0);
    }

    private Token peek(int ahead) {
        while (lookahead.size() <= ahead) {
            lookahead.add(lexer.next());
        }
        Token token = lookahead.get(0);
        if (token.type() == TokenType.ERROR) {
            throw fail(token.pos(), token.text());
        }
        return lookahead.get(ahead);
    }

    private Token advance() {
        Token token = current();
        lookahead.remove(0);
        if (token.type() == TokenType.RIGHT_BRACE || token.type() == TokenType.RIGHT_PAREN
                || token.type() == TokenType.RIGHT_BRACKET || token.type() == TokenType.NUMBER
                || token.type() == TokenType.DURATION) {
            lastClosing = token.end();
        }
        return token;
    }

    private boolean at(TokenType type) {
        return current().type() == type;
    }

    private Token expect(TokenType type, String context, String expected) {
        if (!at(type)) {
            throw unexpected(context, expected);
        }
        return advance();
    }

    /** A token of {@code type}, where the grammar has no error rule of its own. */
    private Token expectGeneric(TokenType type) {
        if (!at(type)) {
            throw unexpected();
        }
        return advance();
    }

    // ---- Errors -------------------------------------------------------------------------------

    /** Syntax that a feature flag (one of {@link ParseOptions#FEATURES}) would accept, with Prometheus's message. */
    private void disabled(int offset, String message, String feature) {
        errors.add(new PromqlError(PromqlError.Kind.SYNTAX, offset, message, feature));
    }

    private void error(int offset, String message) {
        errors.add(new PromqlError(PromqlError.Kind.SYNTAX, offset, message));
    }

    private Abort fail(int offset, String message) {
        error(offset, message);
        return new Abort();
    }

    /** An unexpected token where no specific error rule applies: yacc's generic message. */
    private Abort unexpected() {
        return unexpected(aggregations > 0 ? "aggregation" : "", "");
    }

    private Abort unexpected(String context, String expected) {
        Token token = current();
        StringBuilder message = new StringBuilder("unexpected ").append(token.describe());
        if (!context.isEmpty()) {
            message.append(" in ").append(context);
        }
        if (!expected.isEmpty()) {
            message.append(", expected ").append(expected);
        }
        return fail(token.pos(), message.toString());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail(current().pos(), "expression nests deeper than " + MAX_DEPTH + " levels; split it up");
        }
    }

    // ---- Expressions --------------------------------------------------------------------------

    /** Binary operators of at least {@code minPrecedence}, by precedence climbing. */
    private Expr expression(int minPrecedence) {
        enter();
        Expr lhs = unary();
        int chained = 0;
        while (true) {
            BinaryOp op = binaryOp(current().type());
            if (op == null || op.precedence() < minPrecedence) {
                break;
            }
            advance();
            Modifier modifier = binaryModifier();
            Expr rhs = expression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            BinaryExpr binary = new BinaryExpr(op, lhs, rhs, modifier.matching, modifier.returnBool,
                    lhs.span().to(rhs.span()));
            if (!options.binopFillModifiers() && modifier.matching.hasFill()) {
                disabled(binary.span().start(), "binop fill modifiers are experimental and not enabled", "promql-binop-fill-modifiers");
            }
            lhs = binary;
        }
        depth--;
        return lhs;
    }

    private static BinaryOp binaryOp(TokenType type) {
        return switch (type) {
            case LOR -> BinaryOp.OR;
            case LAND -> BinaryOp.AND;
            case LUNLESS -> BinaryOp.UNLESS;
            case EQLC -> BinaryOp.EQL;
            case NEQ -> BinaryOp.NEQ;
            case LTE -> BinaryOp.LTE;
            case LSS -> BinaryOp.LSS;
            case GTE -> BinaryOp.GTE;
            case GTR -> BinaryOp.GTR;
            case TRIM_UPPER -> BinaryOp.TRIM_UPPER;
            case TRIM_LOWER -> BinaryOp.TRIM_LOWER;
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case ATAN2 -> BinaryOp.ATAN2;
            case POW -> BinaryOp.POW;
            default -> null;
        };
    }

    private record Modifier(VectorMatching matching, boolean returnBool) {
    }

    /** {@code bool}, {@code on}/{@code ignoring}, {@code group_left}/{@code group_right} and {@code fill*}. */
    private Modifier binaryModifier() {
        boolean returnBool = at(TokenType.BOOL);
        if (returnBool) {
            advance();
        }
        VectorMatching matching = VectorMatching.DEFAULT;
        if (at(TokenType.ON) || at(TokenType.IGNORING)) {
            boolean on = advance().type() == TokenType.ON;
            List<String> labels = groupingLabels();
            VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
            List<String> include = List.of();
            if (at(TokenType.GROUP_LEFT) || at(TokenType.GROUP_RIGHT)) {
                card = advance().type() == TokenType.GROUP_LEFT ? VectorMatching.Cardinality.MANY_TO_ONE
                        : VectorMatching.Cardinality.ONE_TO_MANY;
                include = at(TokenType.LEFT_PAREN) ? groupingLabels() : List.of();
            }
            matching = new VectorMatching(card, labels, on, include, null, null);
        }
        return new Modifier(fill(matching), returnBool);
    }

    private VectorMatching fill(VectorMatching matching) {
        Double left = null;
        Double right = null;
        if (at(TokenType.FILL)) {
            advance();
            left = fillValue();
            right = left;
        } else if (at(TokenType.FILL_LEFT) || at(TokenType.FILL_RIGHT)) {
            boolean leftFirst = advance().type() == TokenType.FILL_LEFT;
            Double first = fillValue();
            Double second = null;
            if (at(leftFirst ? TokenType.FILL_RIGHT : TokenType.FILL_LEFT)) {
                advance();
                second = fillValue();
            }
            left = leftFirst ? first : second;
            right = leftFirst ? second : first;
        }
        return new VectorMatching(matching.card(), matching.matchingLabels(), matching.on(), matching.include(), left,
                right);
    }

    private double fillValue() {
        expectGeneric(TokenType.LEFT_PAREN);
        boolean negative = false;
        if (at(TokenType.ADD) || at(TokenType.SUB)) {
            negative = advance().type() == TokenType.SUB;
        }
        if (!at(TokenType.NUMBER) && !at(TokenType.DURATION)) {
            throw unexpected();
        }
        double value = numberLiteral(advance()).value();
        expectGeneric(TokenType.RIGHT_PAREN);
        return negative ? -value : value;
    }

    /** A unary sign binds looser than {@code ^} (yacc's {@code %prec MUL}) and folds into a number literal. */
    private Expr unary() {
        if (!at(TokenType.ADD) && !at(TokenType.SUB)) {
            return postfix(primary());
        }
        Token op = advance();
        Expr operand = expression(BinaryOp.UNARY_OPERAND_PRECEDENCE);
        Span span = new Span(op.pos(), operand.span().end());
        if (operand instanceof NumberLiteral number) {
            return new NumberLiteral(op.type() == TokenType.SUB ? -number.value() : number.value(), number.duration(), span);
        }
        return new UnaryExpr(op.type() == TokenType.SUB ? BinaryOp.SUB : BinaryOp.ADD, operand, span);
    }

    private Expr primary() {
        Token token = current();
        TokenType type = token.type();
        switch (type) {
            case NUMBER, DURATION:
                return numberLiteral(advance());
            case STRING:
                advance();
                return new StringLiteral(unquote(token), new Span(token.pos(), token.end()));
            case LEFT_PAREN:
                return paren();
            case LEFT_BRACE:
                return selector("", token.pos());
            default:
                break;
        }
        TokenType next = type == TokenType.EOF ? TokenType.EOF : peek(1).type();
        if (type.isAggregator() && (next == TokenType.LEFT_PAREN || next == TokenType.BY || next == TokenType.WITHOUT)) {
            return aggregation();
        }
        boolean callable = type == TokenType.IDENTIFIER || type.group == Group.PREPROCESSOR;
        if (callable && next == TokenType.LEFT_PAREN) {
            return call();
        }
        if (type.isMetricName()) {
            advance();
            return selector(token.text(), token.pos());
        }
        throw unexpected();
    }

    private NumberLiteral numberLiteral(Token token) {
        Span span = new Span(token.pos(), token.end());
        if (token.type() == TokenType.DURATION) {
            Durations.Parsed parsed = Durations.parse(token.text());
            parsed.error().ifPresent(message -> error(token.pos(), message));
            return new NumberLiteral(seconds(parsed.nanos()), true, span);
        }
        try {
            return new NumberLiteral(Numbers.parse(token.text()), false, span);
        } catch (NumberSyntaxException e) {
            error(token.pos(), "error parsing number: " + e.getMessage());
            return new NumberLiteral(0, false, span);
        }
    }

    /** Go's {@code Duration.Seconds()}: whole seconds plus the fraction, each exact before adding. */
    private static double seconds(long nanos) {
        return (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
    }

    private Expr paren() {
        enter();
        Token open = advance();
        Expr inner = expression(0);
        Token close = expectGeneric(TokenType.RIGHT_PAREN);
        depth--;
        return new ParenExpr(inner, new Span(open.pos(), close.end()));
    }

    private Expr call() {
        Token name = advance();
        List<Expr> args = arguments();
        Span span = new Span(name.pos(), lastClosing);
        var function = Functions.get(name.text());
        if (function.isEmpty()) {
            error(name.pos(), "unknown function with name " + Quoting.quote(name.text()));
            return new Call(new Function(name.text(), List.of(), -1, ValueType.VECTOR, false), args, span);
        }
        if (function.get().experimental() && !options.experimentalFunctions()) {
            disabled(name.pos(), "function " + Quoting.quote(name.text()) + " is not enabled", "promql-experimental-functions");
        }
        return new Call(function.get(), args, span);
    }

    /** {@code ( args )}: the body of a function call or aggregation. */
    private List<Expr> arguments() {
        enter();
        advance();
        List<Expr> args = new ArrayList<>();
        if (at(TokenType.RIGHT_PAREN)) {
            advance();
            depth--;
            return args;
        }
        while (true) {
            args.add(expression(0));
            if (at(TokenType.RIGHT_PAREN)) {
                advance();
                depth--;
                return args;
            }
            if (!at(TokenType.COMMA)) {
                throw unexpected();
            }
            Token comma = advance();
            if (at(TokenType.RIGHT_PAREN)) {
                error(comma.pos(), "trailing commas not allowed in function call args");
                advance();
                depth--;
                return args;
            }
        }
    }

    private Expr aggregation() {
        Token op = advance();
        aggregations++;
        Grouping grouping = null;
        if (at(TokenType.BY) || at(TokenType.WITHOUT)) {
            grouping = grouping();
        }
        if (!at(TokenType.LEFT_PAREN)) {
            throw unexpected("aggregation", "");
        }
        List<Expr> args = arguments();
        aggregations--;
        if (grouping == null && (at(TokenType.BY) || at(TokenType.WITHOUT))) {
            grouping = grouping();
        }
        if (grouping == null) {
            grouping = new Grouping(List.of(), false);
        }
        return aggregate(op, grouping, args, new Span(op.pos(), lastClosing));
    }

    private record Grouping(List<String> labels, boolean without) {
    }

    private Grouping grouping() {
        boolean without = advance().type() == TokenType.WITHOUT;
        return new Grouping(groupingLabels(), without);
    }

    /** Prometheus's {@code newAggregateExpr}: argument count and the experimental aggregators. */
    private Expr aggregate(Token opToken, Grouping grouping, List<Expr> args, Span span) {
        AggregateOp op = AggregateOp.valueOf(opToken.type().name());
        if (args.isEmpty()) {
            error(span.start(), "no arguments for aggregate expression provided");
            return new AggregateExpr(op, null, null, grouping.labels, grouping.without, span);
        }
        int wanted = 1;
        if (op.hasParam()) {
            if (op.experimental() && !options.experimentalFunctions()) {
                disabled(span.start(), op.text() + "() is experimental and must be enabled with --enable-feature=promql-experimental-functions",
                        "promql-experimental-functions");
                return new AggregateExpr(op, null, null, grouping.labels, grouping.without, span);
            }
            wanted = 2;
        }
        if (args.size() != wanted) {
            error(span.start(), "wrong number of arguments for aggregate expression provided, expected " + wanted + ", got "
                    + args.size());
            return new AggregateExpr(op, null, null, grouping.labels, grouping.without, span);
        }
        return new AggregateExpr(op, op.hasParam() ? args.get(0) : null, args.get(wanted - 1), grouping.labels,
                grouping.without, span);
    }

    /** {@code (label, …)} after {@code by}, {@code without}, {@code on}, {@code ignoring} or {@code group_*}. */
    private List<String> groupingLabels() {
        expect(TokenType.LEFT_PAREN, "grouping opts", "\"(\"");
        return list(TokenType.RIGHT_PAREN, this::groupingLabel, "grouping opts", "\",\" or \")\"");
    }

    /**
     * The items of a list whose opening token is consumed, up to {@code close}; a trailing comma
     * is allowed. Anything else after an item is an error in {@code context}.
     */
    private <T> List<T> list(TokenType close, java.util.function.Supplier<T> item, String context, String expected) {
        List<T> items = new ArrayList<>();
        if (at(close)) {
            advance();
            return items;
        }
        while (true) {
            items.add(item.get());
            if (at(TokenType.COMMA)) {
                advance();
                if (at(close)) {
                    advance();
                    return items;
                }
            } else if (at(close)) {
                advance();
                return items;
            } else {
                throw unexpected(context, expected);
            }
        }
    }

    /** Prometheus's {@code unquoteString}: the lexer has checked the escapes already, so this fails only where strutil.Unquote would. */
    private String unquote(Token token) {
        return Quoting.unquotePromql(token.text()).orElseGet(() -> {
            error(token.pos(), "error unquoting string " + Quoting.quote(token.text()) + ": invalid syntax");
            return "";
        });
    }

    private String groupingLabel() {
        Token token = current();
        String label;
        if (token.type() == TokenType.STRING) {
            label = unquote(token);
        } else if (token.type().isLabelWord()) {
            label = token.text();
        } else {
            throw unexpected("grouping opts", "label");
        }
        advance();
        if (label.isEmpty()) {
            error(token.pos(), "invalid label name for grouping: \"\"");
        }
        return label;
    }

    // ---- Selectors ----------------------------------------------------------------------------

    private Expr selector(String name, int start) {
        List<Matcher> matchers = new ArrayList<>();
        int end = lastClosing;
        if (name.isEmpty() || at(TokenType.LEFT_BRACE)) {
            matchers.addAll(matchers());
            end = lastClosing;
        } else {
            end = start + name.length();
        }
        if (!name.isEmpty()) {
            matchers.add(new Matcher(Matcher.Type.EQUAL, "__name__", name));
        }
        return new VectorSelector(name, matchers, Modifiers.NONE, new Span(start, end));
    }

    private List<Matcher> matchers() {
        advance();
        return list(TokenType.RIGHT_BRACE, this::matcher, "label matching", "\",\" or \"}\"");
    }

    private Matcher matcher() {
        Token label = current();
        if (label.type() != TokenType.IDENTIFIER && label.type() != TokenType.STRING) {
            throw unexpected("label matching", "identifier or \"}\"");
        }
        advance();
        String name = label.type() == TokenType.STRING ? unquote(label) : label.text();
        Matcher.Type type = matchType(current().type());
        if (type == null) {
            if (label.type() == TokenType.STRING) {
                return new Matcher(Matcher.Type.EQUAL, "__name__", name);
            }
            throw unexpected("label matching", "label matching operator");
        }
        advance();
        Token value = expect(TokenType.STRING, "label matching", "string");
        Matcher matcher = new Matcher(type, name, unquote(value));
        if (type == Matcher.Type.REGEX || type == Matcher.Type.NOT_REGEX) {
            try {
                // Prometheus parses the pattern as written before it anchors it: inside ^(?s:…)$,
                // x)(y would balance its parentheses and compile.
                Re2Patterns.compile(matcher.value());
                matcher.pattern();
            } catch (PatternSyntaxException e) {
                error(label.pos(), e.getMessage());
            }
        }
        return matcher;
    }

    private static Matcher.Type matchType(TokenType type) {
        return switch (type) {
            case EQL -> Matcher.Type.EQUAL;
            case NEQ -> Matcher.Type.NOT_EQUAL;
            case EQL_REGEX -> Matcher.Type.REGEX;
            case NEQ_REGEX -> Matcher.Type.NOT_REGEX;
            default -> null;
        };
    }

    // ---- Postfix: ranges, subqueries, offset, @, anchored, smoothed ---------------------------

    private Expr postfix(Expr operand) {
        Expr expr = operand;
        int wrapped = 0;
        while (true) {
            switch (current().type()) {
                case LEFT_BRACKET -> {
                    enter();
                    wrapped++;
                    expr = rangeOrSubquery(expr);
                }
                case OFFSET -> expr = offset(expr);
                case AT -> expr = atModifier(expr);
                case ANCHORED, SMOOTHED -> expr = extendedRange(expr, advance().type() == TokenType.ANCHORED);
                default -> {
                    depth -= wrapped;
                    return expr;
                }
            }
        }
    }

    private Expr rangeOrSubquery(Expr expr) {
        Token open = advance();
        Expr range = positive(durationTop("subquery or range selector", DURATION_EXPECTED));
        if (at(TokenType.RIGHT_BRACKET)) {
            Token close = advance();
            return matrix(expr, range, open, close);
        }
        if (!at(TokenType.COLON)) {
            throw unexpected("subquery or range", "\":\" or \"]\"");
        }
        advance();
        Expr step = null;
        if (!at(TokenType.RIGHT_BRACKET)) {
            step = positive(durationTop("subquery selector", "number, duration, step(), range(), or \"]\""));
        }
        Token close = expect(TokenType.RIGHT_BRACKET, "subquery selector", "\"]\"");
        return new SubqueryExpr(expr, nanos(range), durationExpr(range), step == null ? 0 : nanos(step),
                step == null ? null : durationExpr(step), Modifiers.NONE, new Span(expr.span().start(), close.end()));
    }

    private Expr matrix(Expr expr, Expr range, Token open, Token close) {
        String problem = null;
        if (!(expr instanceof VectorSelector selector)) {
            problem = "ranges only allowed for vector selectors";
        } else if (selector.modifiers().hasOffset()) {
            problem = "no offset modifiers allowed before range";
        } else if (selector.modifiers().at() != null) {
            problem = "no @ modifiers allowed before range";
        }
        if (problem != null) {
            error(open.pos(), problem);
            return expr;
        }
        return new MatrixSelector((VectorSelector) expr, nanos(range), durationExpr(range),
                new Span(expr.span().start(), close.end()));
    }

    private static long nanos(Expr duration) {
        return duration instanceof NumberLiteral number ? goRound(number.value() * 1e9) : 0;
    }

    /** Go's {@code int64(math.Round(x))}: halves round away from zero. */
    private static long goRound(double x) {
        return (long) Math.copySign(Math.floor(Math.abs(x) + 0.5), x);
    }

    private static DurationExpr durationExpr(Expr duration) {
        return duration instanceof DurationExpr expr ? expr : null;
    }

    /** {@code positive_duration_expr}: a literal range or step must be greater than zero. */
    private Expr positive(Expr duration) {
        if (duration instanceof NumberLiteral number && number.value() <= 0) {
            error(number.span().start(), "duration must be greater than 0");
            return new NumberLiteral(0, false, Span.NONE);
        }
        return duration;
    }

    private Expr offset(Expr expr) {
        advance();
        Expr duration = new DurationParser("offset", DURATION_EXPECTED).offsetDuration();
        Span span = new Span(expr.span().start(), lastClosing);
        long nanos = nanos(duration);
        DurationExpr durationExpr = durationExpr(duration);
        String problem = "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery";
        Modifiers modifiers = modifiers(expr, problem);
        if (modifiers == null) {
            return expr;
        }
        if (modifiers.hasOffset()) {
            error(expr.span().start(), "offset may not be set multiple times");
            return expr;
        }
        return withModifiers(expr, modifiers.withOffset(nanos, durationExpr), span);
    }

    private Expr atModifier(Expr expr) {
        advance();
        At at;
        if (at(TokenType.START) || at(TokenType.END)) {
            boolean start = advance().type() == TokenType.START;
            expect(TokenType.LEFT_PAREN, "@", "timestamp");
            expect(TokenType.RIGHT_PAREN, "@", "timestamp");
            at = new At(start ? At.Kind.START : At.Kind.END, 0);
        } else {
            boolean negative = false;
            if (at(TokenType.ADD) || at(TokenType.SUB)) {
                negative = advance().type() == TokenType.SUB;
            }
            if (!at(TokenType.NUMBER) && !at(TokenType.DURATION)) {
                throw unexpected("@", "timestamp");
            }
            double seconds = numberLiteral(advance()).value() * (negative ? -1 : 1);
            if (Double.isNaN(seconds) || seconds >= 0x1p63 || seconds <= -0x1p63) {
                error(expr.span().start(), "timestamp out of bounds for @ modifier: " + FloatFormat.format(seconds, 'f', 6));
            }
            at = new At(At.Kind.TIMESTAMP, goRound(seconds * 1000));
        }
        Modifiers modifiers = modifiers(expr,
                "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
        if (modifiers == null) {
            return expr;
        }
        if (modifiers.at() != null) {
            error(expr.span().start(), "@ <timestamp> may not be set multiple times");
            return expr;
        }
        return withModifiers(expr, modifiers.withAt(at), new Span(expr.span().start(), lastClosing));
    }

    private Expr extendedRange(Expr expr, boolean anchored) {
        String name = anchored ? "anchored" : "smoothed";
        if (!options.extendedRangeSelectors()) {
            disabled(expr.span().start(), name + " modifier is experimental and not enabled", "promql-extended-range-selectors");
            return expr;
        }
        Modifiers modifiers;
        if (expr instanceof VectorSelector selector) {
            modifiers = selector.modifiers();
        } else if (expr instanceof MatrixSelector matrix) {
            modifiers = matrix.selector().modifiers();
        } else {
            error(expr.span().start(), name + (expr instanceof SubqueryExpr ? " modifier is not supported for subqueries"
                    : " modifier not implemented"));
            return expr;
        }
        if (anchored ? modifiers.smoothed() : modifiers.anchored()) {
            error(expr.span().start(), "anchored and smoothed modifiers cannot be used together");
        }
        return withModifiers(expr, anchored ? modifiers.withAnchored() : modifiers.withSmoothed(), expr.span());
    }

    /** The modifiers of the node a modifier applies to, or null (with {@code problem} reported) if none can. */
    private Modifiers modifiers(Expr expr, String problem) {
        if (expr instanceof VectorSelector selector) {
            return selector.modifiers();
        }
        if (expr instanceof MatrixSelector matrix) {
            return matrix.selector().modifiers();
        }
        if (expr instanceof SubqueryExpr subquery) {
            return subquery.modifiers();
        }
        error(expr.span().start(), problem);
        return null;
    }

    private static Expr withModifiers(Expr expr, Modifiers modifiers, Span span) {
        if (expr instanceof VectorSelector selector) {
            return selector.with(modifiers, span);
        }
        if (expr instanceof MatrixSelector matrix) {
            return matrix.with(matrix.selector().with(modifiers, matrix.selector().span()), span);
        }
        return ((SubqueryExpr) expr).with(modifiers, span);
    }

    // ---- Duration expressions -----------------------------------------------------------------

    private Expr durationTop(String context, String expected) {
        return new DurationParser(context, expected).expression(0);
    }

    /**
     * Duration arithmetic. Errors inside it belong to the enclosing construct's error rule
     * ({@code [}, {@code offset}), so each parser carries that rule's context.
     */
    private final class DurationParser {
        private final String context;
        private final String expected;

        DurationParser(String context, String expected) {
            this.context = context;
            this.expected = expected;
        }

        private Abort unexpectedHere() {
            return unexpected(context, expected);
        }

        Expr expression(int minPrecedence) {
            enter();
            Expr expr = continueFrom(unary(), minPrecedence);
            depth--;
            return expr;
        }

        private static DurationExpr.Op operator(TokenType type) {
            return switch (type) {
                case ADD -> DurationExpr.Op.ADD;
                case SUB -> DurationExpr.Op.SUB;
                case MUL -> DurationExpr.Op.MUL;
                case DIV -> DurationExpr.Op.DIV;
                case MOD -> DurationExpr.Op.MOD;
                case POW -> DurationExpr.Op.POW;
                default -> null;
            };
        }

        private Expr binary(DurationExpr.Op op, Token opToken, Expr lhs, Expr rhs) {
            experimental(lhs);
            boolean zero = rhs instanceof NumberLiteral number && number.value() == 0;
            if (zero && (op == DurationExpr.Op.DIV || op == DurationExpr.Op.MOD)) {
                error(opToken.pos(), op == DurationExpr.Op.DIV ? "division by zero" : "modulo by zero");
                return new NumberLiteral(0, false, Span.NONE);
            }
            return new DurationExpr(op, lhs, rhs, false, lhs.span().to(rhs.span()));
        }

        private void experimental(Expr expr) {
            if (!options.durationExpressions()) {
                disabled(expr.span().start(), "experimental duration expression is not enabled", "promql-duration-expr");
            }
        }

        private Expr unary() {
            if (!at(TokenType.ADD) && !at(TokenType.SUB)) {
                return primary();
            }
            Token op = advance();
            return applySign(op, expression(BinaryOp.UNARY_OPERAND_PRECEDENCE));
        }

        /** Prometheus's {@code applyUnaryOpToDurationExpr}: negate a literal, wrap anything else. */
        private Expr applySign(Token op, Expr operand) {
            boolean negative = op.type() == TokenType.SUB;
            Span span = new Span(op.pos(), operand.span().end());
            if (operand instanceof NumberLiteral number) {
                return literalInRange(op.pos(), new NumberLiteral(negative ? -number.value() : number.value(),
                        number.duration(), span));
            }
            return negative ? new DurationExpr(DurationExpr.Op.SUB, null, operand, false, span) : operand;
        }

        private NumberLiteral literalInRange(int errorAt, NumberLiteral number) {
            if (number.value() > 0x1p63 / 1e9 || number.value() < -0x1p63 / 1e9) {
                error(errorAt, "duration out of range");
                return new NumberLiteral(0, false, Span.NONE);
            }
            return number;
        }

        private Expr primary() {
            Token token = current();
            switch (token.type()) {
                case NUMBER, DURATION:
                    return literalInRange(token.pos(), numberLiteral(advance()));
                case STEP, RANGE:
                    return keyword();
                case MAX_OF, MIN_OF:
                    return minMax();
                case LEFT_PAREN:
                    return paren(true);
                default:
                    throw unexpectedHere();
            }
        }

        private Expr keyword() {
            Token word = advance();
            expect(TokenType.LEFT_PAREN, context, expected);
            Token close = expect(TokenType.RIGHT_PAREN, context, expected);
            DurationExpr expr = new DurationExpr(word.type() == TokenType.STEP ? DurationExpr.Op.STEP : DurationExpr.Op.RANGE,
                    null, null, false, new Span(word.pos(), close.end()));
            experimental(expr);
            return expr;
        }

        private Expr minMax() {
            Token word = advance();
            expect(TokenType.LEFT_PAREN, context, expected);
            Expr first = expression(0);
            expect(TokenType.COMMA, context, expected);
            Expr second = expression(0);
            Token close = expect(TokenType.RIGHT_PAREN, context, expected);
            DurationExpr expr = new DurationExpr(word.type() == TokenType.MAX_OF ? DurationExpr.Op.MAX_OF
                    : DurationExpr.Op.MIN_OF, first, second, false, new Span(word.pos(), close.end()));
            experimental(expr);
            return expr;
        }

        /** A parenthesised duration; only {@code paren_duration_expr} is gated, not a signed one after offset. */
        private Expr paren(boolean gated) {
            Token open = advance();
            Expr inner = expression(0);
            Token close = expect(TokenType.RIGHT_PAREN, context, expected);
            if (gated) {
                experimental(inner);
            }
            return wrap(inner, new Span(open.pos(), close.end()));
        }

        /** Prometheus's {@code wrapParenDurationExpr}: parentheses make a literal a duration expression. */
        private DurationExpr wrap(Expr inner, Span span) {
            if (inner instanceof DurationExpr expr) {
                return expr.wrap(span);
            }
            return new DurationExpr(DurationExpr.Op.ADD, null, inner, true, span);
        }

        /**
         * {@code offset_duration_expr}: without parentheses, {@code offset} takes one (signed)
         * literal, {@code step()}, {@code range()} or {@code min_of}/{@code max_of}, so that
         * {@code foo offset -2^2} is {@code (foo offset -2)^2}. After parentheses yacc shifts any
         * further operator into the duration.
         */
        Expr offsetDuration() {
            Token token = current();
            switch (token.type()) {
                case NUMBER, DURATION:
                    return literalInRange(token.pos(), numberLiteral(advance()));
                case STEP, RANGE:
                    return keyword();
                case MAX_OF, MIN_OF:
                    return minMax();
                case LEFT_PAREN:
                    return continueFrom(paren(true), 0);
                case ADD, SUB:
                    return signedOffset(advance());
                default:
                    throw unexpectedHere();
            }
        }

        private Expr signedOffset(Token sign) {
            Token token = current();
            boolean negative = sign.type() == TokenType.SUB;
            switch (token.type()) {
                case NUMBER, DURATION: {
                    NumberLiteral number = numberLiteral(advance());
                    return literalInRange(sign.pos(), new NumberLiteral(negative ? -number.value() : number.value(),
                            number.duration(), new Span(sign.pos(), number.span().end())));
                }
                case STEP, RANGE, MAX_OF, MIN_OF: {
                    Expr inner = token.type() == TokenType.STEP || token.type() == TokenType.RANGE ? keyword() : minMax();
                    DurationExpr expr = new DurationExpr(DurationExpr.Op.SUB, null, inner, false,
                            new Span(sign.pos(), inner.span().end()));
                    experimental(expr);
                    // Prometheus wraps a plus sign in a node it never prints; leaving it out keeps print and parse inverse.
                    return negative ? expr : inner;
                }
                case LEFT_PAREN:
                    return applySign(sign, paren(false));
                default:
                    throw unexpectedHere();
            }
        }

        /** Continues a duration expression after its first operand, with operators of at least {@code minPrecedence}. */
        private Expr continueFrom(Expr first, int minPrecedence) {
            Expr lhs = first;
            while (true) {
                DurationExpr.Op op = operator(current().type());
                BinaryOp precedence = op == null ? null : BinaryOp.valueOf(op.name());
                if (precedence == null || precedence.precedence() < minPrecedence) {
                    return lhs;
                }
                Token opToken = advance();
                Expr rhs = expression(precedence.rightAssociative() ? precedence.precedence() : precedence.precedence() + 1);
                lhs = binary(op, opToken, lhs, rhs);
            }
        }
    }
}
