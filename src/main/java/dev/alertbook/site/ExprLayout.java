package dev.alertbook.site;

import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.PrettyPrinter;
import dev.alertbook.promql.PromQL;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a rule's expression is laid out on a page so a reader sees all of it without scrolling: as
 * Prometheus's formatter lays it out when a line is longer than it allows, and then a selector
 * still too long for its line (one with a long label value) with a matcher per line. An
 * expression with comments keeps its own layout, which the formatter would drop them from.
 */
final class ExprLayout {

    /** The words a list of label names follows, at the end of what is written so far. */
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*$");

    private ExprLayout() {
    }

    static String readable(String expr, ParseOptions options) {
        if (expr.lines().noneMatch(ExprLayout::tooLong) || expr.contains("#")) {
            return expr;
        }
        String pretty = PromQL.parse(expr, options).expr().map(PrettyPrinter::pretty).orElse(expr);
        return pretty.lines().map(line -> tooLong(line) ? matcherPerLine(line) : line).collect(Collectors.joining("\n"));
    }

    private static boolean tooLong(String line) {
        return line.length() > PrettyPrinter.MAX_LINE;
    }

    /**
     * {@code line} with the items of each list on lines of their own, indented one step more: a
     * selector's matchers, and the labels of {@code by}, {@code without}, {@code on},
     * {@code ignoring} and {@code group_left}/{@code group_right}.
     */
    private static String matcherPerLine(String line) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        StringBuilder out = new StringBuilder(line.length() + 32);
        char quote = 0;
        char closer = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && quote != '`' && i + 1 < line.length()) {
                    out.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
                out.append(c);
            } else if (closer == 0 && (c == '{' || c == '(' && LABEL_LIST.matcher(out).find())) {
                closer = c == '{' ? '}' : ')';
                out.append(c).append('\n').append(indent).append("  ");
            } else if (closer != 0 && c == ',') {
                out.append(",\n").append(indent).append("  ");
                i = skipSpaces(line, i);
            } else if (c == closer) {
                closer = 0;
                out.append('\n').append(indent).append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipSpaces(String line, int at) {
        int last = at;
        while (last + 1 < line.length() && line.charAt(last + 1) == ' ') {
            last++;
        }
        return last;
    }
}
