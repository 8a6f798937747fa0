package dev.alertbook.promql.engine;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import dev.alertbook.golang.TimeFormat;
import dev.alertbook.promql.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings and infos of one query, with the position of the sub-expression each is about in
 * the {@code line:column} form Prometheus appends. As in Prometheus, annotations are told apart by
 * their text alone: the same text raised again at another position replaces the earlier one, and
 * the two kinds that count their occurrences merge instead.
 */
final class Annotations {

    /** One annotation: its text, where it points, and for the merging kinds what they merged. */
    private record Entry(boolean warning, String text, Span at, Monotonicity monotonicity, int occurrences) {
    }

    /** What the fixes of classic buckets for monotonicity merged: the span of buckets, times and the largest fix. */
    private record Monotonicity(long minTime, long maxTime, double minBucket, double maxBucket, double maxDiff, int count) {

        Monotonicity merge(Monotonicity other) {
            return new Monotonicity(Math.min(minTime, other.minTime), Math.max(maxTime, other.maxTime),
                    Math.min(minBucket, other.minBucket), Math.max(maxBucket, other.maxBucket),
                    Math.max(maxDiff, other.maxDiff), count + other.count + 1);
        }
    }

    private final String query;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Annotations(String query) {
        this.query = query;
    }

    void warn(String text, Span at) {
        entries.put("w" + text, new Entry(true, text, at, null, 1));
    }

    void info(String text, Span at) {
        entries.put("i" + text, new Entry(false, text, at, null, 1));
    }

    /** The info that classic buckets were fixed to be monotonic; repeats merge their bucket and time ranges. */
    void monotonicityFixed(String metricName, Span at, long time, double minBucket, double maxBucket, double maxDiff) {
        String text = "input to histogram_quantile needed to be fixed for monotonicity (see "
                + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
                + (metricName.isEmpty() ? "" : " for metric name " + Quoting.quote(metricName));
        Monotonicity fix = new Monotonicity(time, time, minBucket, maxBucket, maxDiff, 0);
        Entry previous = entries.get("m" + text);
        entries.put("m" + text, new Entry(false, text, at, previous == null ? fix : fix.merge(previous.monotonicity), 1));
    }

    /** The warning that start timestamps overlap; repeats for the same metric count their occurrences. */
    void startTimeOverlap(String metricName, Span at) {
        String text = "sample has start time that overlaps with previous sample timestamp for metric " + Quoting.quote(metricName);
        Entry previous = entries.get("s" + text);
        entries.put("s" + text, new Entry(true, text, at, null, previous == null ? 1 : previous.occurrences + 1));
    }

    private static String rfc3339(long millis) {
        return TimeFormat.format(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, TimeFormat.RFC3339);
    }

    private String render(Entry e) {
        StringBuilder out = new StringBuilder(e.warning ? "PromQL warning: " : "PromQL info: ").append(e.text);
        if (e.monotonicity != null) {
            Monotonicity m = e.monotonicity;
            out.append(", from buckets ").append(FloatFormat.format(m.minBucket, 'g', -1)).append(" to ")
                    .append(FloatFormat.format(m.maxBucket, 'g', -1)).append(", with a max diff of ")
                    .append(FloatFormat.format(m.maxDiff, 'g', 2)).append(", over ").append(m.count + 1)
                    .append(" samples from ").append(rfc3339(m.minTime)).append(" to ").append(rfc3339(m.maxTime));
        }
        if (e.occurrences > 1) {
            out.append(" (").append(e.occurrences).append(" occurrences)");
        }
        return out.append(position(e.at)).toString();
    }

    private String position(Span at) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(at.start(), query.length());
        for (int i = 0; i < end; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " (" + line + ":" + (at.start() - lineStart + 1) + ")";
    }

    QueryResult result(Value value) {
        List<String> warnings = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        for (Entry e : entries.values()) {
            (e.warning ? warnings : infos).add(render(e));
        }
        return new QueryResult(value, warnings, infos);
    }
}
