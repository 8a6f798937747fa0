package dev.alertbook.promql;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The multi-line form of an expression, as Prometheus's {@code Prettify} lays it out: any node
 * whose one-line form is longer than 100 bytes is split, its children indented by two spaces.
 */
public final class PrettyPrinter {

    /** The longest line, in bytes, the formatter leaves as it is. */
    public static final int MAX_LINE = 100;

    private PrettyPrinter() {
    }

    public static String pretty(Expr expr) {
        return pretty(expr, 0);
    }

    private static String pretty(Expr expr, int level) {
        String indent = "  ".repeat(level);
        boolean split = needsSplit(expr);
        if (expr instanceof AggregateExpr aggregate && split) {
            return indent + Printer.aggregateHead(aggregate) + "(\n"
                    + (aggregate.op().hasParam() ? pretty(aggregate.param(), level + 1) + ",\n" : "")
                    + pretty(aggregate.expr(), level + 1) + "\n" + indent + ")";
        }
        if (expr instanceof BinaryExpr binary && split) {
            return pretty(binary.lhs(), level + 1) + "\n" + indent + Printer.binaryHead(binary) + "\n"
                    + pretty(binary.rhs(), level + 1);
        }
        if (expr instanceof Call call && split) {
            return indent + call.function().name() + "(\n"
                    + call.args().stream().map(arg -> pretty(arg, level + 1)).collect(Collectors.joining(",\n")) + "\n"
                    + indent + ")";
        }
        if (expr instanceof ParenExpr paren && split) {
            return indent + "(\n" + pretty(paren.expr(), level + 1) + "\n" + indent + ")";
        }
        if (expr instanceof SubqueryExpr subquery) {
            // As in Prometheus, an unsplit subquery is not indented.
            return split ? pretty(subquery.expr(), level) + Printer.subquerySuffix(subquery) : Printer.print(subquery);
        }
        if (expr instanceof UnaryExpr unary) {
            return indent + unary.op().text() + pretty(unary.expr(), level).strip();
        }
        return indent + Printer.print(expr);
    }

    private static boolean needsSplit(Expr expr) {
        return Printer.print(expr).getBytes(StandardCharsets.UTF_8).length > MAX_LINE;
    }
}
