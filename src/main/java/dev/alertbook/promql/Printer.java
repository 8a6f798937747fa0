package dev.alertbook.promql;

import dev.alertbook.golang.Durations;
import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical one-line form of an expression: Prometheus's {@code String()} methods
 * ({@code promql/parser/printer.go}), so a printed query reads exactly as Prometheus prints it.
 */
public final class Printer {

    private static final String NAME = "__name__";

    private Printer() {
    }

    public static String print(Expr expr) {
        if (expr instanceof AggregateExpr aggregate) {
            return aggregateHead(aggregate) + "(" + (aggregate.op().hasParam() ? print(aggregate.param()) + ", " : "")
                    + print(aggregate.expr()) + ")";
        }
        if (expr instanceof BinaryExpr binary) {
            return print(binary.lhs()) + " " + binaryHead(binary) + " " + print(binary.rhs());
        }
        if (expr instanceof Call call) {
            return call.function().name() + "(" + call.args().stream().map(Printer::print).collect(Collectors.joining(", ")) + ")";
        }
        if (expr instanceof ParenExpr paren) {
            return "(" + print(paren.expr()) + ")";
        }
        if (expr instanceof UnaryExpr unary) {
            return unary.op().text() + print(unary.expr());
        }
        if (expr instanceof StringLiteral string) {
            return Quoting.quote(string.value());
        }
        if (expr instanceof NumberLiteral number) {
            return number(number);
        }
        if (expr instanceof VectorSelector selector) {
            return selector(selector);
        }
        if (expr instanceof MatrixSelector matrix) {
            Modifiers modifiers = matrix.selector().modifiers();
            String extended = modifiers.anchored() ? " anchored" : modifiers.smoothed() ? " smoothed" : "";
            return selectorBody(matrix.selector()) + "[" + range(matrix.rangeNanos(), matrix.rangeExpr()) + "]" + extended
                    + at(modifiers.at()) + offset(modifiers);
        }
        if (expr instanceof SubqueryExpr subquery) {
            return print(subquery.expr()) + subquerySuffix(subquery);
        }
        return duration((DurationExpr) expr);
    }

    /** {@code sum by (job) } or {@code sum without (job) }: an aggregation up to its arguments. */
    static String aggregateHead(AggregateExpr aggregate) {
        String op = aggregate.op().text();
        if (aggregate.without()) {
            return op + " without (" + labels(aggregate.grouping()) + ") ";
        }
        return aggregate.grouping().isEmpty() ? op : op + " by (" + labels(aggregate.grouping()) + ") ";
    }

    /** The operator with {@code bool}, matching, grouping and fill modifiers. */
    static String binaryHead(BinaryExpr binary) {
        String head = binary.op().text() + (binary.returnBool() ? " bool" : "");
        boolean scalarOperand = binary.lhs().type() == ValueType.SCALAR || binary.rhs().type() == ValueType.SCALAR;
        return scalarOperand ? head : head + matching(binary.matching());
    }

    private static String matching(VectorMatching matching) {
        StringBuilder out = new StringBuilder();
        boolean grouped = matching.card() == VectorMatching.Cardinality.MANY_TO_ONE
                || matching.card() == VectorMatching.Cardinality.ONE_TO_MANY;
        if (!matching.matchingLabels().isEmpty() || matching.on() || grouped) {
            out.append(matching.on() ? " on (" : " ignoring (").append(labels(matching.matchingLabels())).append(')');
        }
        if (grouped) {
            out.append(matching.card() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left (" : " group_right (")
                    .append(labels(matching.include())).append(')');
        }
        Double left = matching.fillLeft();
        Double right = matching.fillRight();
        if (left != null && left.equals(right)) {
            out.append(" fill (").append(FloatFormat.format(left, 'g', -1)).append(')');
        } else {
            if (left != null) {
                out.append(" fill_left (").append(FloatFormat.format(left, 'g', -1)).append(')');
            }
            if (right != null) {
                out.append(" fill_right (").append(FloatFormat.format(right, 'g', -1)).append(')');
            }
        }
        return out.toString();
    }

    /** Label names, quoted where they are not legacy (ASCII identifier) names. */
    private static String labels(List<String> names) {
        return names.stream().map(name -> isLegacyName(name) ? name : Quoting.quote(name)).collect(Collectors.joining(", "));
    }

    private static boolean isLegacyName(String name) {
        return !name.isEmpty() && Lexer.isAlpha(name.charAt(0)) && name.chars().allMatch(c -> Lexer.isAlpha(c) || c >= '0' && c <= '9');
    }

    private static String number(NumberLiteral number) {
        if (!number.duration()) {
            return FloatFormat.format(number.value(), 'f', -1);
        }
        if (number.value() < 0) {
            return "-" + Durations.format((long) (-number.value() * 1e9));
        }
        return Durations.format((long) (number.value() * 1e9));
    }

    private static String selector(VectorSelector selector) {
        Modifiers modifiers = selector.modifiers();
        String extended = modifiers.anchored() ? " anchored" : modifiers.smoothed() ? " smoothed" : "";
        return selectorBody(selector) + at(modifiers.at()) + extended + offset(modifiers);
    }

    /**
     * The name and matchers; the matcher that only repeats the name is left out, as Prometheus does.
     * The one selector with neither, {@code info()}'s {@code {}}, prints as {@code {}}: Prometheus
     * prints nothing there, and {@code info(x, )} does not parse back.
     */
    private static String selectorBody(VectorSelector selector) {
        List<String> matchers = new ArrayList<>();
        for (Matcher matcher : selector.matchers()) {
            boolean repeatsName = matcher.name().equals(NAME) && matcher.type() == Matcher.Type.EQUAL
                    && matcher.value().equals(selector.name()) && !matcher.value().isEmpty();
            if (!repeatsName) {
                matchers.add(matcher(matcher));
            }
        }
        matchers.sort(null);
        boolean bare = matchers.isEmpty() && !selector.name().isEmpty();
        return selector.name() + (bare ? "" : "{" + String.join(",", matchers) + "}");
    }

    /** {@code labels.Matcher.String()}: the name is quoted unless it is a plain identifier. */
    private static String matcher(Matcher matcher) {
        String name = matcher.name();
        boolean plain = !name.isEmpty();
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = Lexer.isAlpha(c) || i > 0 && c >= '0' && c <= '9';
        }
        return (plain ? name : Quoting.quote(name)) + matcher.type().text() + Quoting.quote(matcher.value());
    }

    private static String at(At at) {
        if (at == null) {
            return "";
        }
        return switch (at.kind()) {
            case START -> " @ start()";
            case END -> " @ end()";
            case TIMESTAMP -> " @ " + FloatFormat.format(at.millis() / 1000.0, 'f', 3);
        };
    }

    private static String offset(Modifiers modifiers) {
        if (modifiers.offsetExpr() != null) {
            return " offset " + duration(modifiers.offsetExpr());
        }
        if (modifiers.offsetNanos() > 0) {
            return " offset " + Durations.format(modifiers.offsetNanos());
        }
        return modifiers.offsetNanos() < 0 ? " offset -" + Durations.format(-modifiers.offsetNanos()) : "";
    }

    private static String range(long nanos, DurationExpr expr) {
        return expr != null ? duration(expr) : Durations.format(nanos);
    }

    /** {@code [range:step] @ t offset d}: what follows a subquery's inner expression. */
    static String subquerySuffix(SubqueryExpr subquery) {
        String step = subquery.stepNanos() != 0 ? Durations.format(subquery.stepNanos())
                : subquery.stepExpr() != null ? duration(subquery.stepExpr()) : "";
        return "[" + range(subquery.rangeNanos(), subquery.rangeExpr()) + ":" + step + "]" + at(subquery.modifiers().at())
                + offset(subquery.modifiers());
    }

    private static String duration(DurationExpr expr) {
        String body = switch (expr.op()) {
            case STEP -> "step()";
            case RANGE -> "range()";
            case MIN_OF, MAX_OF -> expr.op().text + "(" + print(expr.lhs()) + ", " + print(expr.rhs()) + ")";
            default -> {
                if (expr.lhs() == null) {
                    yield (expr.op() == DurationExpr.Op.SUB ? "-" : "") + print(expr.rhs());
                }
                yield print(expr.lhs()) + " " + expr.op().text + " " + print(expr.rhs());
            }
        };
        return expr.wrapped() ? "(" + body + ")" : body;
    }
}
