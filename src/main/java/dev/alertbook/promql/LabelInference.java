package dev.alertbook.promql;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which labels an expression's results can carry, worked out from its tree by the rules
 * Prometheus's engine ({@code promql/engine.go}) applies when it evaluates it. An alert's
 * {@code $labels} are exactly these labels of the sample that fired, so a template that reads a
 * label outside them always reads the empty string. Where the engine's result depends on data, the
 * answer errs towards "can have": a selector's series may carry any label.
 */
public final class LabelInference {

    private static final String NAME = ResultLabels.METRIC_NAME;

    /** The operators whose results are no longer the metric they read, so lose its name ({@code changesMetricSchema}). */
    private static final Set<BinaryOp> ARITHMETIC = Set.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
            BinaryOp.MOD, BinaryOp.POW, BinaryOp.ATAN2);

    private LabelInference() {
    }

    public static ResultLabels of(Expr expr) {
        if (expr instanceof VectorSelector selector) {
            return selector(selector);
        }
        if (expr instanceof MatrixSelector matrix) {
            return selector(matrix.selector());
        }
        if (expr instanceof SubqueryExpr subquery) {
            return of(subquery.expr());
        }
        if (expr instanceof ParenExpr paren) {
            return of(paren.expr());
        }
        if (expr instanceof UnaryExpr unary) {
            // Negating changes the value, so the name goes; a plus sign leaves the series alone.
            return unary.op() == BinaryOp.SUB ? of(unary.expr()).without(NAME) : of(unary.expr());
        }
        if (expr instanceof AggregateExpr aggregate) {
            return aggregate(aggregate);
        }
        if (expr instanceof BinaryExpr binary) {
            return binary(binary);
        }
        if (expr instanceof Call call) {
            return FunctionLabels.of(call);
        }
        // Numbers, strings and durations: as an alert's result, a sample without labels.
        return ResultLabels.NONE;
    }

    /**
     * Any label, since series carry labels the query does not name, except one matched as
     * {@code label=""}: a selected series never has it, since an empty value is no label.
     */
    private static ResultLabels selector(VectorSelector selector) {
        Set<String> named = new TreeSet<>();
        Set<String> never = new TreeSet<>();
        for (Matcher matcher : selector.matchers()) {
            boolean absent = matcher.type() == Matcher.Type.EQUAL && matcher.value().isEmpty();
            (absent ? never : named).add(matcher.name());
        }
        return ResultLabels.open(named, never);
    }

    /** {@code generateGroupingLabels}: {@code by} keeps the listed labels, {@code without} drops them and the name. */
    private static ResultLabels aggregate(AggregateExpr aggregate) {
        ResultLabels input = of(aggregate.expr());
        List<String> grouping = aggregate.grouping();
        switch (aggregate.op()) {
            case TOPK, BOTTOMK, LIMITK, LIMIT_RATIO:
                // These select whole input samples rather than make new ones.
                return input;
            case COUNT_VALUES:
                // The value label is set on each input sample, then grouped like any other; a by-list gains it.
                return literal(aggregate.param()).map(label -> {
                    List<String> labels = aggregate.without() ? grouping
                            : Stream.concat(grouping.stream(), Stream.of(label)).toList();
                    return group(input.with(label), aggregate.without(), labels);
                }).orElse(ResultLabels.ANY);
            default:
                return group(input, aggregate.without(), grouping);
        }
    }

    private static ResultLabels group(ResultLabels input, boolean without, List<String> grouping) {
        return without ? input.without(grouping).without(NAME) : input.keepOnly(grouping);
    }

    private static ResultLabels binary(BinaryExpr binary) {
        boolean lhsScalar = binary.lhs().type() == ValueType.SCALAR;
        boolean rhsScalar = binary.rhs().type() == ValueType.SCALAR;
        if (lhsScalar && rhsScalar) {
            return ResultLabels.NONE;
        }
        ResultLabels lhs = of(binary.lhs());
        ResultLabels rhs = of(binary.rhs());
        boolean dropsName = ARITHMETIC.contains(binary.op()) || binary.returnBool();
        if (lhsScalar || rhsScalar) {
            ResultLabels vector = lhsScalar ? rhs : lhs;
            return dropsName ? vector.without(NAME) : vector;
        }
        return switch (binary.op()) {
            // Set operators pass samples through as they are: and/unless the left side's, or both sides'.
            case AND, UNLESS -> lhs;
            case OR -> lhs.or(rhs);
            default -> VectorMatch.result(lhs, rhs, binary.matching(), dropsName);
        };
    }

    /** The text of a string argument, which the type checker guarantees but parentheses may wrap. */
    static Optional<String> literal(Expr expr) {
        if (expr instanceof ParenExpr paren) {
            return literal(paren.expr());
        }
        return expr instanceof StringLiteral string ? Optional.of(string.value()) : Optional.empty();
    }
}
