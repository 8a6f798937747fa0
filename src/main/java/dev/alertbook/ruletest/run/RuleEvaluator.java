package dev.alertbook.ruletest.run;

import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.QueryException;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.SeriesStore;
import dev.alertbook.promql.engine.StaleMarker;
import dev.alertbook.template.AlertValues;
import dev.alertbook.template.Environment;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates rules as Prometheus's rule manager does and writes what they produce into the test
 * storage: recorded series, and {@code ALERTS} / {@code ALERTS_FOR_STATE} for every alerting rule
 * (promtool marks them all restored). Alert state follows rules/alerting.go: pending, firing after
 * {@code for}, kept firing for {@code keep_firing_for}. A series a rule stops producing gets a
 * stale marker at the next evaluation.
 */
final class RuleEvaluator {

    private static final String ALERTNAME = "alertname";

    private final SeriesStore store;
    private final EngineQueries queries;
    private final Map<String, String> externalLabels;
    private final String externalURL;
    // By identity: each rule is compiled once per run, and a record hash would walk its whole
    // parse tree and group at every evaluation step.
    private final Map<CompiledRule, Map<Labels, ActiveAlert>> alerts = new IdentityHashMap<>();
    private final Map<CompiledRule, Set<Labels>> written = new IdentityHashMap<>();
    private final Expander expander = new Expander();

    RuleEvaluator(SeriesStore store, EngineQueries queries, Map<String, String> externalLabels, String externalURL) {
        this.store = store;
        this.queries = queries;
        this.externalLabels = externalLabels;
        this.externalURL = externalURL;
    }

    void evaluate(CompiledRule rule, long ts, long queryOffset, int limit) throws RuleEvaluationException {
        long queryTime = ts - queryOffset;
        List<Sample> samples;
        try {
            samples = queries.vector(rule.expr(), rule.rule().expr(), queryTime);
        } catch (QueryException e) {
            throw new RuleEvaluationException(e.getMessage());
        }
        Map<Labels, Sample> output = rule.rule().isAlert()
                ? alert(rule, samples, ts, queryTime, limit)
                : record(rule, samples, limit);
        write(rule, output, queryTime);
    }

    /** Whether any alert of {@code rule} fires (true) or only pends (false); empty when none is active. */
    Optional<Boolean> state(CompiledRule rule) {
        Optional<Boolean> state = Optional.empty();
        for (ActiveAlert alert : alerts.getOrDefault(rule, Map.of()).values()) {
            if (alert.state == ActiveAlert.State.FIRING) {
                return Optional.of(true);
            }
            if (alert.state == ActiveAlert.State.PENDING) {
                state = Optional.of(false);
            }
        }
        return state;
    }

    /** The firing alerts of {@code rule}. */
    List<ActiveAlert> firing(CompiledRule rule) {
        return alerts.getOrDefault(rule, Map.of()).values().stream()
                .filter(a -> a.state == ActiveAlert.State.FIRING).toList();
    }

    /** A recording rule writes each sample, float or histogram, under the rule's name and labels. */
    private Map<Labels, Sample> record(CompiledRule rule, List<Sample> samples, int limit) throws RuleEvaluationException {
        Map<Labels, Sample> out = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Labels labels = sample.labels().with(Labels.METRIC_NAME, rule.name());
            for (Map.Entry<String, String> label : rule.labels().entrySet()) {
                labels = labels.with(label.getKey(), label.getValue());
            }
            if (out.put(labels, new Sample(labels, sample.value(), false, sample.histogram())) != null) {
                throw new RuleEvaluationException("vector contains metrics with the same labelset after applying rule labels");
            }
        }
        if (limit > 0 && out.size() > limit) {
            throw new RuleEvaluationException("exceeded limit of " + limit + " with " + out.size() + " series");
        }
        return out;
    }

    /**
     * An alerting rule's alerts; a histogram sample's templates see the histogram as {@code $value},
     * while the alert's own value is the sample's float, 0, as in Prometheus.
     */
    private Map<Labels, Sample> alert(CompiledRule rule, List<Sample> samples, long ts, long queryTime, int limit)
            throws RuleEvaluationException {
        Map<Labels, ActiveAlert> active = alerts.computeIfAbsent(rule, r -> new LinkedHashMap<>());
        Environment environment = new Environment(ts / 1000.0, Optional.empty(), Optional.of(queries));
        Set<Labels> seen = new HashSet<>();
        for (Sample sample : samples) {
            AlertValues values = new AlertValues(sample.labels().toMap(), externalLabels, externalURL,
                    sample.isHistogram() ? EngineQueries.templateValue(sample.histogram()) : sample.value());
            Labels labels = sample.labels().withoutMetricName();
            for (Map.Entry<String, String> label : rule.labels().entrySet()) {
                String value = expander.expand(rule.name(), label.getValue(), values, environment);
                labels = value.isEmpty() ? labels.without(List.of(label.getKey())) : labels.with(label.getKey(), value);
            }
            labels = labels.with(ALERTNAME, rule.name());
            Map<String, String> annotations = new LinkedHashMap<>();
            rule.rule().annotations().forEach((name, text) -> annotations.put(name, expander.expand(rule.name(), text, values, environment)));
            if (!seen.add(labels)) {
                throw new RuleEvaluationException("vector contains metrics with the same labelset after applying alert labels");
            }
            ActiveAlert alert = active.get(labels);
            if (alert != null && alert.state != ActiveAlert.State.INACTIVE) {
                alert.value = sample.value();
                alert.annotations = annotations;
            } else {
                active.put(labels, new ActiveAlert(labels, annotations, sample.value(), ts));
            }
        }
        int activeOrPending = advance(rule, active, seen, ts);
        if (limit > 0 && activeOrPending > limit) {
            active.clear();
            throw new RuleEvaluationException("exceeded limit of " + limit + " with " + activeOrPending + " alerts");
        }
        Map<Labels, Sample> out = new LinkedHashMap<>();
        for (ActiveAlert alert : active.values()) {
            if (alert.state != ActiveAlert.State.INACTIVE) {
                String state = alert.state == ActiveAlert.State.FIRING ? "firing" : "pending";
                Labels alerts = alert.labels.with(Labels.METRIC_NAME, "ALERTS").with("alertstate", state);
                Labels forState = alert.labels.with(Labels.METRIC_NAME, "ALERTS_FOR_STATE");
                out.put(alerts, new Sample(alerts, 1.0, false));
                out.put(forState, new Sample(forState, alert.activeAt / 1000.0, false));
            }
        }
        return out;
    }

    /** Moves every alert on by one evaluation; returns how many are pending or firing. */
    private static int advance(CompiledRule rule, Map<Labels, ActiveAlert> active, Set<Labels> seen, long ts) {
        int count = 0;
        for (Iterator<ActiveAlert> it = active.values().iterator(); it.hasNext();) {
            ActiveAlert alert = it.next();
            if (!seen.contains(alert.labels)) {
                boolean keepFiring = false;
                if (alert.state == ActiveAlert.State.FIRING && rule.keepFiringForMillis() > 0) {
                    if (alert.keepFiringSince == 0) {
                        alert.keepFiringSince = ts;
                    }
                    keepFiring = ts - alert.keepFiringSince < rule.keepFiringForMillis();
                }
                if (alert.state == ActiveAlert.State.PENDING) {
                    it.remove();
                }
                if (!keepFiring) {
                    alert.state = ActiveAlert.State.INACTIVE;
                    alert.resolvedAt = ts;
                    continue;
                }
            } else {
                alert.keepFiringSince = 0;
            }
            count++;
            if (alert.state == ActiveAlert.State.PENDING && ts - alert.activeAt >= rule.forMillis()) {
                alert.state = ActiveAlert.State.FIRING;
            }
        }
        return count;
    }

    private void write(CompiledRule rule, Map<Labels, Sample> output, long time) {
        Set<Labels> previous = written.getOrDefault(rule, Set.of());
        for (Labels gone : previous) {
            if (!output.containsKey(gone)) {
                store.add(gone, time, StaleMarker.VALUE);
            }
        }
        output.forEach((labels, sample) -> {
            if (sample.isHistogram()) {
                store.add(labels, time, sample.histogram());
            } else {
                store.add(labels, time, sample.value());
            }
        });
        written.put(rule, new HashSet<>(output.keySet()));
    }
}
