package dev.alertbook.promql.series;

import dev.alertbook.golang.Numbers;
import dev.alertbook.golang.Numbers.NumberSyntaxException;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.StaleMarker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the series notation, {@code metric{l="v"} 1 2+3x4 _ stale {{count:1 buckets:[1]}}x2},
 * expanded. The lists run in parallel, one entry per point: {@code values} holds the float, or
 * null for an omitted or histogram point; {@code histograms} holds the native histogram, or null;
 * {@code hintsStated} tells whether a histogram's literal stated its counter reset hint, which
 * only then takes part in comparisons.
 */
public record SeriesLine(Labels labels, List<Double> values, List<FloatHistogram> histograms, List<Boolean> hintsStated) {

    private static final Pattern UNSIGNED_NUMBER =
            Pattern.compile("(?i:inf|infinity|nan)|([0-9][0-9_]*\\.?[0-9_]*|\\.[0-9][0-9_]*)([eE][+-]?[0-9_]+)?");

    /** The most points one line may expand to. */
    public static final int MAX_POINTS = 10_000_000;

    public static SeriesLine parse(String line) {
        return parse(line, new PointBudget("the series"));
    }

    /** Parses a line whose points count against {@code budget}, shared with the other lines of its script or file. */
    public static SeriesLine parse(String line, PointBudget budget) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        if (i > 0) {
            labels.put(Labels.METRIC_NAME, line.substring(0, i));
        }
        if (i < line.length() && line.charAt(i) == '{') {
            try {
                i = parseLabels(line, i + 1, labels);
            } catch (IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("unexpected end of input", e);
            }
        }
        if (labels.isEmpty() && (i == 0)) {
            throw new IllegalArgumentException("expected a metric name or label set in " + Quoting.quote(line));
        }
        LinePoints points = new LinePoints(budget);
        for (String item : items(line.substring(i).strip())) {
            if (item.startsWith("{{")) {
                expandHistograms(item, points);
            } else {
                expand(item, points);
            }
        }
        return new SeriesLine(Labels.of(labels), points.floats(), points.histograms(), points.hintsStated());
    }

    /** Whether any point is a native histogram. */
    public boolean histogram() {
        return histograms.stream().anyMatch(Objects::nonNull);
    }

    /** The items of a value sequence: split at spaces and tabs, but not inside a histogram's {@code {{…}}}. */
    private static List<String> items(String sequence) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        int i = 0;
        while (i < sequence.length()) {
            char c = sequence.charAt(i);
            if (sequence.startsWith("{{", i)) {
                int end = histogramEnd(sequence, i);
                item.append(sequence, i, end);
                i = end;
                continue;
            }
            if (c == ' ' || c == '\t') {
                if (!item.isEmpty()) {
                    items.add(item.toString());
                    item.setLength(0);
                }
            } else {
                item.append(c);
            }
            i++;
        }
        if (!item.isEmpty()) {
            items.add(item.toString());
        }
        return items;
    }

    /** The index after the double brace that closes the histogram literal starting at {@code start}. */
    private static int histogramEnd(String text, int start) {
        int close = text.indexOf("}}", start + 2);
        if (close < 0) {
            throw new IllegalArgumentException("histogram description incomplete, no }} after " + Quoting.quote(text.substring(start)));
        }
        return close + 2;
    }

    /** {@code {{A}}}, {@code {{A}}xN} (N+1 copies), and {@code {{A}}+{{B}}xN} or {@code -}: A, A±B, A±2B, … */
    private static void expandHistograms(String item, LinePoints out) {
        int end = histogramEnd(item, 0);
        HistogramLiteral.Literal first = HistogramLiteral.parse(item.substring(0, end));
        FloatHistogram current = first.histogram();
        String rest = item.substring(end);
        if (rest.isEmpty()) {
            out.reserveHistograms(1, current);
            out.addHistogram(current, first.hintStated());
            return;
        }
        char op = rest.charAt(0);
        if (op == 'x') {
            long times = repetitions(rest.substring(1));
            out.reserveHistograms(times + 1, current);
            for (long k = 0; k <= times; k++) {
                out.addHistogram(current, first.hintStated());
            }
            return;
        }
        if ((op != '+' && op != '-') || !rest.startsWith("{{", 1)) {
            throw new IllegalArgumentException("unexpected " + Quoting.quote(rest) + " after histogram description in series values");
        }
        int incrementEnd = histogramEnd(rest, 1);
        HistogramLiteral.Literal increment = HistogramLiteral.parse(rest.substring(1, incrementEnd));
        if (!rest.startsWith("x", incrementEnd)) {
            throw new IllegalArgumentException("missing repetitions, xN, after " + Quoting.quote(item));
        }
        long times = repetitions(rest.substring(incrementEnd + 1));
        FloatHistogram step = increment.histogram();
        // Prometheus marks every histogram of the expansion by whether the increment stated a hint.
        boolean stated = increment.hintStated();
        out.reserveHistograms(times + 1, current.positive().size() + current.negative().size()
                >= step.positive().size() + step.negative().size() ? current : step);
        out.addHistogram(current, stated);
        for (long k = 0; k < times; k++) {
            // promqltest's rule: a finer increment is reduced to the current schema, a coarser one is an error.
            if (current.schema() > step.schema()) {
                throw new IllegalArgumentException("error combining histograms: cannot merge from schema "
                        + step.schema() + " to " + current.schema());
            }
            try {
                current = (op == '+' ? current.plus(step) : current.minus(step)).histogram();
            } catch (FloatHistogram.IncompatibleSchemas e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            out.addHistogram(current, stated);
        }
    }

    /** Go's {@code ParseUint}; any count past what a line may hold reads as one more, which {@link LinePoints#reserve} refuses. */
    private static long repetitions(String text) {
        long count;
        try {
            count = Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw badNumber(text);
        }
        return Long.compareUnsigned(count, MAX_POINTS) > 0 ? MAX_POINTS + 1L : count;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == ':' || Character.isLetterOrDigit(c);
    }

    /** Reads {@code l="v", …}; a lone quoted string is the metric name (3.x's UTF-8 names). */
    private static int parseLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                i++;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            String name;
            boolean quoted = line.charAt(i) == '"';
            if (quoted) {
                Quoting.Unquoted quotedName = unquote(line, i);
                name = quotedName.value();
                i = quotedName.end();
            } else {
                int from = i;
                while (isNameChar(line.charAt(i))) {
                    i++;
                }
                name = line.substring(from, i);
            }
            while (line.charAt(i) == ' ') {
                i++;
            }
            if (quoted && (line.charAt(i) == ',' || line.charAt(i) == '}')) {
                labels.put(Labels.METRIC_NAME, name);
                continue;
            }
            if (line.charAt(i) != '=') {
                throw new IllegalArgumentException("expected '=' after label name in " + Quoting.quote(line));
            }
            i++;
            while (line.charAt(i) == ' ') {
                i++;
            }
            Quoting.Unquoted value = unquote(line, i);
            labels.put(name, value.value());
            i = value.end();
        }
    }

    private static Quoting.Unquoted unquote(String line, int start) {
        return Quoting.unquotePromqlPrefix(line, start).orElseThrow(() ->
                new IllegalArgumentException("invalid quoted string in " + Quoting.quote(line.substring(start))));
    }

    /**
     * A value of the notation: a sign, then a PromQL number ({@code strconv.ParseInt(s, 0, 64)},
     * else {@code ParseFloat}: {@code 010} is octal 8), {@code Inf} or {@code NaN}. Unlike PromQL,
     * the series notation has no hexadecimal numbers: Prometheus's lexer refuses them there.
     */
    public static double number(String text) {
        boolean negative = text.startsWith("-");
        String unsigned = negative || text.startsWith("+") ? text.substring(1) : text;
        if (!UNSIGNED_NUMBER.matcher(unsigned).matches()) {
            throw badNumber(text);
        }
        try {
            double value = Numbers.parse(unsigned);
            return negative ? -value : value;
        } catch (NumberSyntaxException e) {
            throw badNumber(text);
        }
    }

    private static NumberFormatException badNumber(String text) {
        return new NumberFormatException("bad number syntax: " + Quoting.quote(text));
    }

    private static void expand(String item, LinePoints out) {
        int x = item.lastIndexOf('x');
        if (x < 0) {
            out.reserve(1);
            if (item.equals("_")) {
                out.addOmitted(1);
            } else {
                out.addFloat(item.equals("stale") ? StaleMarker.VALUE : number(item));
            }
            return;
        }
        long times = repetitions(item.substring(x + 1));
        String base = item.substring(0, x);
        if (base.equals("_")) {
            out.reserve(times);
            out.addOmitted(times);
            return;
        }
        int op = operator(base);
        double start = number(op < 0 ? base : base.substring(0, op));
        double delta = op < 0 ? 0 : number(base.substring(op + 1)) * (base.charAt(op) == '-' ? -1 : 1);
        out.reserve(times + 1);
        double value = start;
        out.addFloat(value);
        for (long k = 0; k < times; k++) {
            value += delta;
            out.addFloat(value);
        }
    }

    /** The {@code +} or {@code -} between start and increment: not a leading sign, not an exponent's sign. */
    private static int operator(String base) {
        for (int i = base.length() - 1; i > 0; i--) {
            char c = base.charAt(i);
            char before = Character.toLowerCase(base.charAt(i - 1));
            if ((c == '+' || c == '-') && before != 'e') {
                return i;
            }
        }
        return -1;
    }
}
