package dev.alertbook.promql;

import dev.alertbook.golang.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus's {@code checkAST}: value types of operands, arguments and aggregation parameters,
 * vector matching, and the selector rules. It visits nodes in the same order as Prometheus, so
 * the first error found is the one Prometheus reports.
 */
final class TypeChecker {

    private final String input;
    private final List<PromqlError> errors = new ArrayList<>();

    private TypeChecker(String input) {
        this.input = input;
    }

    /** The first type error in {@code expr}, if any. */
    static Optional<PromqlError> check(Expr expr, String input) {
        TypeChecker checker = new TypeChecker(input);
        checker.check(expr, false);
        return checker.errors.stream().findFirst();
    }

    private void error(int offset, String message) {
        errors.add(new PromqlError(PromqlError.Kind.TYPE, offset, message));
    }

    private void expectType(Expr expr, ValueType want, String context) {
        ValueType got = check(expr, false);
        if (got != want) {
            error(expr.span().start(), "expected type " + want.documented() + " in " + context + ", got " + got.documented());
        }
    }

    /** Checks {@code expr} and returns its type; {@code labelSelectorsOnly} is {@code info()}'s exemption. */
    private ValueType check(Expr expr, boolean labelSelectorsOnly) {
        if (expr instanceof AggregateExpr aggregate) {
            expectType(aggregate.expr(), ValueType.VECTOR, "aggregation expression");
            if (aggregate.op().hasParam()) {
                expectType(aggregate.param(), aggregate.op().paramType(), "aggregation parameter");
            }
        } else if (expr instanceof BinaryExpr binary) {
            checkBinary(binary);
        } else if (expr instanceof Call call) {
            checkCall(call);
        } else if (expr instanceof ParenExpr paren) {
            check(paren.expr(), false);
        } else if (expr instanceof UnaryExpr unary) {
            ValueType type = check(unary.expr(), false);
            if (type != ValueType.SCALAR && type != ValueType.VECTOR) {
                error(unary.span().start(), "unary expression only allowed on expressions of type scalar or instant vector, got "
                        + Quoting.quote(type.documented()));
            }
        } else if (expr instanceof SubqueryExpr subquery) {
            ValueType type = check(subquery.expr(), false);
            if (type != ValueType.VECTOR) {
                error(subquery.span().start(), "subquery is only allowed on instant vector, got " + type.internal() + " instead");
            }
        } else if (expr instanceof MatrixSelector matrix) {
            check(matrix.selector(), false);
        } else if (expr instanceof VectorSelector selector) {
            checkSelector(selector, labelSelectorsOnly);
        }
        // Literals are always valid, and Prometheus does not visit duration expressions.
        return expr.type();
    }

    private void checkBinary(BinaryExpr binary) {
        ValueType lhs = check(binary.lhs(), false);
        ValueType rhs = check(binary.rhs(), false);
        BinaryOp op = binary.op();
        VectorMatching matching = binary.matching();
        if (binary.returnBool() && !op.isComparison()) {
            error(operatorOffset(binary), "bool modifier can only be used on comparison operators");
        }
        if (op.isComparison() && !binary.returnBool() && lhs == ValueType.SCALAR && rhs == ValueType.SCALAR) {
            error(operatorOffset(binary), "comparisons between scalars must use BOOL modifier");
        }
        VectorMatching.Cardinality card = matching.card();
        if (op.isSetOperator() && card == VectorMatching.Cardinality.ONE_TO_ONE) {
            card = VectorMatching.Cardinality.MANY_TO_MANY;
        }
        if (matching.on()) {
            for (String label : matching.matchingLabels()) {
                if (matching.include().contains(label)) {
                    error(operatorOffset(binary), "label " + Quoting.quote(label) + " must not occur in ON and GROUP clause at once");
                }
            }
        }
        int start = binary.span().start();
        if (lhs != ValueType.SCALAR && lhs != ValueType.VECTOR) {
            error(binary.lhs().span().start(), "binary expression must contain only scalar and instant vector types");
        }
        if (rhs != ValueType.SCALAR && rhs != ValueType.VECTOR) {
            error(binary.rhs().span().start(), "binary expression must contain only scalar and instant vector types");
        }
        if (lhs != ValueType.VECTOR || rhs != ValueType.VECTOR) {
            if (!matching.matchingLabels().isEmpty()) {
                error(start, "vector matching only allowed between instant vectors");
            }
            if (matching.hasFill()) {
                error(start, "filling in missing series only allowed between instant vectors");
            }
        } else if (op.isSetOperator()) {
            if (card == VectorMatching.Cardinality.ONE_TO_MANY || card == VectorMatching.Cardinality.MANY_TO_ONE) {
                error(start, "no grouping allowed for " + Quoting.quote(op.text()) + " operation");
                error(start, "set operations must always be many-to-many");
            }
            if (matching.hasFill()) {
                error(start, "filling in missing series not allowed for set operators");
            }
        }
        if ((lhs == ValueType.SCALAR || rhs == ValueType.SCALAR) && op.isSetOperator()) {
            error(start, "set operator " + Quoting.quote(op.text()) + " not allowed in binary scalar expression");
        }
    }

    /** Where Prometheus places operator errors: the first non-space character after the left operand. */
    private int operatorOffset(BinaryExpr binary) {
        int at = binary.lhs().span().end();
        while (at < input.length() && Lexer.isSpace(input.charAt(at))) {
            at++;
        }
        return at;
    }

    private void checkCall(Call call) {
        Function function = call.function();
        List<ValueType> types = function.argTypes();
        int given = call.args().size();
        String name = Quoting.quote(function.name());
        if (function.variadic() == 0) {
            if (types.size() != given) {
                error(call.span().start(), "expected " + types.size() + " argument(s) in call to " + name + ", got " + given);
            }
        } else {
            int required = types.size() - 1;
            if (required > given) {
                error(call.span().start(), "expected at least " + required + " argument(s) in call to " + name + ", got " + given);
            } else if (function.variadic() > 0 && required + function.variadic() < given) {
                error(call.span().start(), "expected at most " + (required + function.variadic()) + " argument(s) in call to "
                        + name + ", got " + given);
            }
        }
        boolean info = function.name().equals("info") && given > 1;
        if (info) {
            checkInfoSelector(call);
        }
        for (int i = 0; i < given; i++) {
            if (i >= types.size() && function.variadic() == 0) {
                break;
            }
            ValueType want = types.get(Math.min(i, types.size() - 1));
            Expr arg = call.args().get(i);
            ValueType got = check(arg, info && i == 1);
            if (got != want) {
                error(arg.span().start(), "expected type " + want.documented() + " in call to function " + name + ", got "
                        + got.documented());
            }
        }
    }

    /** {@code info()}'s second argument must be a bare {@code {…}} label selector. */
    private void checkInfoSelector(Call call) {
        Expr selector = call.args().get(1);
        if (selector.type() != ValueType.VECTOR) {
            error(call.span().start(), "expected type instant vector in call to function \"info\", got "
                    + selector.type().documented());
        }
        if (selector instanceof VectorSelector vector && !vector.name().isEmpty()) {
            error(selector.span().start(), "expected label selectors only, got vector selector instead");
        } else if (!(selector instanceof VectorSelector)) {
            error(selector.span().start(), "expected label selectors only");
        }
    }

    private void checkSelector(VectorSelector selector, boolean labelSelectorsOnly) {
        List<Matcher> matchers = selector.matchers();
        if (!selector.name().isEmpty()) {
            for (Matcher matcher : matchers.subList(0, matchers.size() - 1)) {
                if (matcher.name().equals("__name__")) {
                    error(selector.span().start(), "metric name must not be set twice: " + Quoting.quote(selector.name())
                            + " or " + Quoting.quote(matcher.value()));
                }
            }
            return;
        }
        if (!labelSelectorsOnly && matchers.stream().allMatch(Matcher::matchesEmpty)) {
            error(selector.span().start(), "vector selector must contain at least one non-empty matcher");
        }
    }
}
