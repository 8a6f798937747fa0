package dev.alertbook.promql.engine;

import com.google.re2j.Pattern;
import dev.alertbook.promql.Matcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** In-memory series storage, indexed by metric name, sized for rule tests and sample data. */
public final class SeriesStore {

    private final Map<Labels, StoredSeries> series = new HashMap<>();
    private final Map<String, List<StoredSeries>> byName = new HashMap<>();
    private final List<StoredSeries> all = new ArrayList<>();
    private final Map<String, Pattern> patterns = new HashMap<>();

    public void add(Labels labels, long timeMillis, double value) {
        add(labels, timeMillis, value, 0);
    }

    /** Adds a float sample with its start timestamp in milliseconds (0 for none). */
    public void add(Labels labels, long timeMillis, double value, long startMillis) {
        series.computeIfAbsent(labels, this::create).add(timeMillis, value, startMillis);
    }

    /** Adds a native histogram sample; see {@link StoredSeries#add(long, FloatHistogram, long)} for its counter reset hint. */
    public void add(Labels labels, long timeMillis, FloatHistogram histogram) {
        add(labels, timeMillis, histogram, 0);
    }

    /** Adds a native histogram sample with its start timestamp in milliseconds (0 for none). */
    public void add(Labels labels, long timeMillis, FloatHistogram histogram, long startMillis) {
        series.computeIfAbsent(labels, this::create).add(timeMillis, histogram, startMillis);
    }

    private StoredSeries create(Labels labels) {
        StoredSeries created = new StoredSeries(labels);
        all.add(created);
        byName.computeIfAbsent(labels.metricName(), name -> new ArrayList<>()).add(created);
        return created;
    }

    /** The series every matcher accepts; a matcher on an absent label sees the empty string. */
    public List<StoredSeries> select(List<Matcher> matchers) {
        List<StoredSeries> candidates = all;
        for (Matcher m : matchers) {
            if (m.type() == Matcher.Type.EQUAL && m.name().equals(Labels.METRIC_NAME)) {
                candidates = byName.getOrDefault(m.value(), List.of());
            }
        }
        List<StoredSeries> selected = new ArrayList<>();
        for (StoredSeries s : candidates) {
            if (matchesAll(matchers, s.labels())) {
                selected.add(s);
            }
        }
        return selected;
    }

    private boolean matchesAll(List<Matcher> matchers, Labels labels) {
        for (Matcher m : matchers) {
            if (!matches(m, labels.get(m.name()))) {
                return false;
            }
        }
        return true;
    }

    boolean matches(Matcher m, String value) {
        return switch (m.type()) {
            case EQUAL -> value.equals(m.value());
            case NOT_EQUAL -> !value.equals(m.value());
            case REGEX -> pattern(m.value()).matches(value);
            case NOT_REGEX -> !pattern(m.value()).matches(value);
        };
    }

    /** Compiles as Prometheus does, once per expression. */
    Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Matcher::anchored);
    }
}
