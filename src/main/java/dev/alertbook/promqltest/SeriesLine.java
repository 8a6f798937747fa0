package dev.alertbook.promqltest;

import dev.alertbook.text.GoQuote;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.StaleMarker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the series notation, {@code metric{l="v"} 1 2+3x4 _ stale}, expanded: a value per
 * point, or null for an omitted point. {@code histogram} marks lines with native histogram
 * literals, whose values are not read (the runner skips what needs them).
 */
public record SeriesLine(Labels labels, List<Double> values, boolean histogram) {

    public static SeriesLine parse(String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        if (i > 0) {
            labels.put(Labels.METRIC_NAME, line.substring(0, i));
        }
        if (i < line.length() && line.charAt(i) == '{') {
            i = parseLabels(line, i + 1, labels);
        }
        if (labels.isEmpty() && (i == 0)) {
            throw new IllegalArgumentException("expected a metric name or label set in " + GoQuote.quote(line));
        }
        String rest = line.substring(i).strip();
        if (rest.contains("{{")) {
            return new SeriesLine(Labels.of(labels), List.of(), true);
        }
        List<Double> values = new ArrayList<>();
        for (String item : rest.split("[ \t]+")) {
            if (!item.isEmpty()) {
                expand(item, values);
            }
        }
        return new SeriesLine(Labels.of(labels), values, false);
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == ':' || Character.isLetterOrDigit(c);
    }

    /** Reads {@code l="v", …}; a lone quoted string is the metric name (3.x's UTF-8 names). */
    private static int parseLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        int[] end = new int[1];
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
                name = QuotedStrings.unquote(line, i, end);
                i = end[0];
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
                throw new IllegalArgumentException("expected '=' after label name in " + GoQuote.quote(line));
            }
            i++;
            while (line.charAt(i) == ' ') {
                i++;
            }
            labels.put(name, QuotedStrings.unquote(line, i, end));
            i = end[0];
        }
    }

    private static void expand(String item, List<Double> out) {
        if (item.equals("_")) {
            out.add(null);
            return;
        }
        if (item.equals("stale")) {
            out.add(StaleMarker.VALUE);
            return;
        }
        int x = item.lastIndexOf('x');
        if (x < 0) {
            out.add(GoValues.number(item));
            return;
        }
        int times = Integer.parseUnsignedInt(item.substring(x + 1));
        String base = item.substring(0, x);
        if (base.equals("_")) {
            for (int k = 0; k < times; k++) {
                out.add(null);
            }
            return;
        }
        int op = operator(base);
        double start = GoValues.number(op < 0 ? base : base.substring(0, op));
        double delta = op < 0 ? 0 : GoValues.number(base.substring(op + 1)) * (base.charAt(op) == '-' ? -1 : 1);
        double value = start;
        out.add(value);
        for (int k = 0; k < times; k++) {
            value += delta;
            out.add(value);
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
