package dev.alertbook.site;

import dev.alertbook.golang.Durations;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.StaleMarker;
import dev.alertbook.ruletest.AlertTest;
import dev.alertbook.ruletest.InputSeries;
import dev.alertbook.ruletest.TestGroup;
import dev.alertbook.ruletest.run.AlertWindow;
import dev.alertbook.text.Escape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An SVG chart of one test group as it concerns one alert: the input series over the group's run,
 * the stretches when the alert was pending or firing, and a mark at each time a check looks at the
 * alert. Drawn on the server so the page needs no script; colours come from the theme's CSS, so
 * the chart follows the light and dark themes. Coordinates are whole pixels of a fixed viewBox
 * and long series are thinned to what a pixel column can show, which keeps a page small.
 *
 * @param svg    the chart, safe to embed in HTML
 * @param series the series drawn, in colour order, as written in the test; a native histogram series
 *               is drawn as its observation count
 * @param hidden how many input series were left out to keep the chart readable
 */
record TestChart(String svg, List<String> series, int hidden) {

    static final int MAX_SERIES = 4;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final int LEFT = 56;
    private static final int RIGHT = 8;
    private static final int TOP = 8;
    private static final int BOTTOM = 24;
    private static final int X_TICKS = 5;
    /** Tick spacings a reader counts in easily, in milliseconds, from a second to a week. */
    private static final long[] TICK_STEPS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000,
        600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000,
        604_800_000};

    /**
     * Draws the chart of {@code group} for {@code alertname}; series of the metrics in
     * {@code metrics} (those the alert's expression selects) come first.
     */
    static TestChart of(TestGroup group, String alertname, List<AlertWindow> windows, Set<String> metrics) {
        long span = Math.max(group.maxEvalMillis(), group.intervalMillis());
        List<InputSeries> drawn = pick(group.inputSeries(), metrics);
        double[] range = valueRange(drawn, group.intervalMillis(), span);
        Scale scale = new Scale(span, range[0], range[1]);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Escape.html("Input series of this test and when " + alertname + " was pending or firing"))
                .append("\">");
        for (AlertWindow window : windows) {
            if (window.alertname().equals(alertname) && window.fromMillis() <= span) {
                int from = scale.x(window.fromMillis());
                int to = scale.x(Math.min(window.toMillis(), span));
                svg.append("<rect class=\"").append(window.firing() ? "chart-firing" : "chart-pending").append("\" x=\"")
                        .append(from).append("\" y=\"").append(TOP).append("\" width=\"").append(Math.max(1, to - from))
                        .append("\" height=\"").append(HEIGHT - TOP - BOTTOM).append("\"><title>")
                        .append(window.firing() ? "firing" : "pending").append(" from ").append(duration(window.fromMillis()))
                        .append("</title></rect>");
            }
        }
        axes(svg, scale);
        for (int i = 0; i < drawn.size(); i++) {
            String path = path(drawn.get(i), group.intervalMillis(), scale);
            if (!path.isEmpty()) {
                svg.append("<path class=\"chart-s").append(i).append("\" d=\"").append(path).append("\"/>");
            }
        }
        for (AlertTest check : group.alertTests()) {
            if (check.alertname().equals(alertname) && check.evalMillis() <= span) {
                int x = scale.x(check.evalMillis());
                String expected = check.expected().isEmpty() ? "not firing" : "firing";
                svg.append("<line class=\"chart-check\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
                        .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"><title>check at ")
                        .append(duration(check.evalMillis())).append(": expected ").append(expected).append("</title></line>");
            }
        }
        svg.append("</svg>");
        return new TestChart(svg.toString(), drawn.stream().map(TestChart::label).toList(),
                group.inputSeries().size() - drawn.size());
    }

    /**
     * The series of the metrics the alert selects, or every series when it selects none of them
     * (it reads a recording rule, say), at most {@link #MAX_SERIES}.
     */
    private static List<InputSeries> pick(List<InputSeries> all, Set<String> metrics) {
        List<InputSeries> own = all.stream().filter(s -> metrics.contains(s.line().labels().metricName())).toList();
        List<InputSeries> drawn = own.isEmpty() ? all : own;
        return drawn.subList(0, Math.min(MAX_SERIES, drawn.size()));
    }

    private static String label(InputSeries series) {
        String text = series.seriesText().strip();
        return series.line().histogram() ? text + " (native histogram: observation count)" : text;
    }

    /** Point {@code k}: its float, or for a native histogram its observation count, which a line can show; null for none. */
    private static Double value(InputSeries series, int k) {
        FloatHistogram histogram = series.line().histograms().get(k);
        return histogram != null && !histogram.isStale() ? Double.valueOf(histogram.count()) : series.line().values().get(k);
    }

    /** The smallest and largest value drawn, padded so that a flat line sits inside the plot. */
    private static double[] valueRange(List<InputSeries> series, long interval, long span) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (InputSeries s : series) {
            for (int k = 0; k < s.line().values().size() && k * interval <= span; k++) {
                Double value = value(s, k);
                if (drawable(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) / 2;
            return new double[] {min - pad, max + pad};
        }
        return new double[] {min, max};
    }

    private static boolean drawable(Double value) {
        return value != null && !StaleMarker.is(value) && Double.isFinite(value);
    }

    /**
     * The series as an SVG path of steps, since a sample's value holds until the next one: a gap
     * for an omitted point or a stale marker, and per pixel column only the first, lowest, highest
     * and last point, with flat runs reduced to their ends.
     */
    private static String path(InputSeries series, long interval, Scale scale) {
        List<int[]> points = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (int k = 0; k < series.line().values().size() && k * interval <= scale.span; k++) {
            Double value = value(series, k);
            if (drawable(value)) {
                int x = scale.x(k * interval);
                if (!points.isEmpty()) {
                    points.add(new int[] {x, points.get(points.size() - 1)[1]});
                }
                points.add(new int[] {x, scale.y(value)});
            } else {
                segment(points, path);
                points.clear();
            }
        }
        segment(points, path);
        return path.toString();
    }

    private static void segment(List<int[]> points, StringBuilder path) {
        List<int[]> kept = flatten(thin(points));
        for (int i = 0; i < kept.size(); i++) {
            path.append(i == 0 ? 'M' : 'L').append(kept.get(i)[0]).append(' ').append(kept.get(i)[1]);
        }
        if (kept.size() == 1) {
            path.append("h1");
        }
    }

    private static List<int[]> thin(List<int[]> points) {
        List<int[]> kept = new ArrayList<>();
        int start = 0;
        while (start < points.size()) {
            int end = start;
            int low = start;
            int high = start;
            while (end + 1 < points.size() && points.get(end + 1)[0] == points.get(start)[0]) {
                end++;
                low = points.get(end)[1] > points.get(low)[1] ? end : low;
                high = points.get(end)[1] < points.get(high)[1] ? end : high;
            }
            for (int i : new int[] {start, Math.min(low, high), Math.max(low, high), end}) {
                if (kept.isEmpty() || kept.get(kept.size() - 1) != points.get(i)) {
                    kept.add(points.get(i));
                }
            }
            start = end + 1;
        }
        return kept;
    }

    /** Drops the middle of three points at the same height: the line through them is the same. */
    private static List<int[]> flatten(List<int[]> points) {
        List<int[]> kept = new ArrayList<>();
        for (int[] point : points) {
            int n = kept.size();
            if (n >= 2 && kept.get(n - 1)[1] == point[1] && kept.get(n - 2)[1] == point[1]) {
                kept.set(n - 1, point);
            } else {
                kept.add(point);
            }
        }
        return kept;
    }

    private static void axes(StringBuilder svg, Scale scale) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<path class=\"chart-axis\" d=\"M").append(LEFT).append(' ').append(TOP).append('V').append(bottom)
                .append('H').append(WIDTH - RIGHT).append("\"/>");
        svg.append("<text class=\"chart-label\" x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 10)
                .append("\" text-anchor=\"end\">").append(number(scale.max)).append("</text>");
        svg.append("<text class=\"chart-label\" x=\"").append(LEFT - 4).append("\" y=\"").append(bottom)
                .append("\" text-anchor=\"end\">").append(number(scale.min)).append("</text>");
        long step = tickStep(scale.span);
        for (long t = 0; t <= scale.span; t += step) {
            int x = scale.x(t);
            String anchor = t == 0 ? "start" : x > WIDTH - RIGHT - 24 ? "end" : "middle";
            svg.append("<text class=\"chart-label\" x=\"").append(x).append("\" y=\"").append(HEIGHT - 6)
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(duration(t)).append("</text>");
        }
    }

    /** The smallest round spacing that puts at most {@link #X_TICKS} ticks after the first. */
    private static long tickStep(long span) {
        for (long step : TICK_STEPS) {
            if (span / step <= X_TICKS) {
                return step;
            }
        }
        return (span + X_TICKS - 1) / X_TICKS;
    }

    private static String duration(long millis) {
        return Durations.format(millis * 1_000_000);
    }

    /** Four significant digits, without exponent where the number is of a readable size. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e9 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Maps times since the group's start and values onto the plot area. */
    private record Scale(long span, double min, double max) {

        int x(long millis) {
            return LEFT + (int) Math.round((double) millis / span * (WIDTH - LEFT - RIGHT));
        }

        int y(double value) {
            return HEIGHT - BOTTOM - (int) Math.round((value - min) / (max - min) * (HEIGHT - TOP - BOTTOM));
        }
    }
}
