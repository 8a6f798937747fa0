package dev.alertbook.ruletest.run;

import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.engine.Engine;
import dev.alertbook.promql.engine.EngineOptions;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.QueryException;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.SeriesStore;
import dev.alertbook.promql.series.SeriesLine;
import dev.alertbook.ruletest.AlertTest;
import dev.alertbook.ruletest.ExprTest;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.ruletest.TestGroup;
import dev.alertbook.source.Position;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs one test group as promtool does: input samples are appended as time reaches them, every
 * rule group is evaluated at each step from the start to the last eval_time, alert checks happen
 * at the step their eval_time rounds down to, and expression checks run afterwards at their exact
 * times. A rule evaluation error stops the group.
 */
final class GroupRun {

    /** promtool's fixed engine limits for rule tests. */
    private static final long MAX_SAMPLES = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(100);
    private static final long LOOKBACK = 300_000;

    private final TestFile file;
    private final RuleSet rules;
    private final TestGroup group;
    private final SeriesStore store = new SeriesStore();
    private final EngineQueries queries;
    private final RuleEvaluator evaluator;
    private final int[] appended;
    private final List<Failure> failures = new ArrayList<>();
    /** The windows so far of each alert, by name, in time order. */
    private final Map<String, List<AlertWindow>> windows = new TreeMap<>();

    private GroupRun(TestFile file, RuleSet rules, TestGroup group, ParseOptions promql) {
        this.file = file;
        this.rules = rules;
        this.group = group;
        EngineOptions options = new EngineOptions(LOOKBACK, MAX_SAMPLES, TIMEOUT, file.evaluationIntervalMillis(), false);
        this.queries = new EngineQueries(new Engine(store, options), promql);
        this.evaluator = new RuleEvaluator(store, queries, group.externalLabels(), group.externalURL());
        this.appended = new int[group.inputSeries().size()];
    }

    static GroupResult run(TestFile file, RuleSet rules, TestGroup group, ParseOptions promql) {
        GroupRun run = new GroupRun(file, rules, group, promql);
        run.run();
        TreeSet<String> alertnames = new TreeSet<>();
        group.alertTests().forEach(test -> alertnames.add(test.alertname()));
        return new GroupResult(group, List.copyOf(run.failures), List.copyOf(alertnames),
                run.windows.values().stream().flatMap(List::stream).toList());
    }

    private void run() {
        if (file.evaluationIntervalMillis() <= 0) {
            fail(group.at(), "    evaluation_interval must be positive", "evaluation_interval must be positive");
            return;
        }
        long start = group.startMillis();
        long end = start + group.maxEvalMillis();
        for (long ts = start; ts <= end; ts += file.evaluationIntervalMillis()) {
            appendUntil(ts);
            if (!evaluateRules(ts)) {
                return;
            }
            recordStates(ts - start);
            checkAlerts(ts - start);
        }
        group.exprTests().forEach(this::checkExpression);
    }

    private void appendUntil(long ts) {
        for (int i = 0; i < appended.length; i++) {
            SeriesLine line = group.inputSeries().get(i).line();
            while (appended[i] < line.values().size()) {
                long time = group.startMillis() + appended[i] * group.intervalMillis();
                if (time > ts) {
                    break;
                }
                Double value = line.values().get(appended[i]);
                FloatHistogram histogram = line.histograms().get(appended[i]);
                if (histogram != null) {
                    store.add(line.labels(), time, histogram);
                } else if (value != null) {
                    store.add(line.labels(), time, value);
                }
                appended[i]++;
            }
        }
    }

    /** One evaluation of every group; false after recording the errors if any rule failed. */
    private boolean evaluateRules(long ts) {
        boolean failed = false;
        for (int g = 0; g < rules.groups().size(); g++) {
            for (CompiledRule rule : rules.groups().get(g)) {
                try {
                    evaluator.evaluate(rule, ts, rules.queryOffsets().get(g), rules.limits().get(g));
                } catch (RuleEvaluationException e) {
                    fail(group.at(), FailureText.ruleError(rule.name(), ts, e.getMessage()),
                            "rule " + rule.name() + " failed at " + FailureText.modelDuration(ts - group.startMillis())
                                    + ": " + e.getMessage());
                    failed = true;
                }
            }
        }
        return !failed;
    }

    /** Notes the state of every alert after one evaluation, extending its last window where it goes on. */
    private void recordStates(long sinceStart) {
        Map<String, Boolean> firing = new TreeMap<>();
        for (List<CompiledRule> rulesOfGroup : rules.groups()) {
            for (CompiledRule rule : rulesOfGroup) {
                if (rule.rule().isAlert()) {
                    evaluator.state(rule).ifPresent(state -> firing.merge(rule.name(), state, Boolean::logicalOr));
                }
            }
        }
        long until = sinceStart + file.evaluationIntervalMillis();
        firing.forEach((alertname, state) -> {
            List<AlertWindow> list = windows.computeIfAbsent(alertname, name -> new ArrayList<>());
            AlertWindow last = list.isEmpty() ? null : list.get(list.size() - 1);
            if (last != null && last.firing() == state && last.toMillis() == sinceStart) {
                list.set(list.size() - 1, last.until(until));
            } else {
                list.add(new AlertWindow(alertname, state, sinceStart, until));
            }
        });
    }

    private void fail(Position at, String text, String summary) {
        failures.add(new Failure(text, at, summary));
    }

    private void checkAlerts(long sinceStart) {
        for (AlertTest test : group.alertTests()) {
            if (test.evalMillis() < sinceStart || test.evalMillis() >= sinceStart + file.evaluationIntervalMillis()) {
                continue;
            }
            List<FailureText.Alert> got = new ArrayList<>();
            for (List<CompiledRule> rulesOfGroup : rules.groups()) {
                for (CompiledRule rule : rulesOfGroup) {
                    if (rule.rule().isAlert() && rule.name().equals(test.alertname())) {
                        evaluator.firing(rule).forEach(a -> got.add(new FailureText.Alert(a.labels, Labels.of(a.annotations))));
                    }
                }
            }
            List<FailureText.Alert> expected = new ArrayList<>();
            test.expected().forEach(e -> expected.add(new FailureText.Alert(Labels.of(e.labels()), Labels.of(e.annotations()))));
            got.sort(Comparator.naturalOrder());
            expected.sort(Comparator.naturalOrder());
            if (!got.equals(expected)) {
                fail(test.at(), FailureText.alerts(group.name().orElse(""), test.alertname(), test.evalMillis(), expected, got),
                        FailureText.alertSummary(test.alertname(), test.evalMillis(), expected, got));
            }
        }
    }

    private void checkExpression(ExprTest test) {
        List<Sample> got;
        try {
            got = new ArrayList<>(queries.vector(test.expr(), group.startMillis() + test.evalMillis()));
        } catch (QueryException e) {
            fail(test.at(), FailureText.queryError(test.expr(), test.evalMillis(), e.getMessage()),
                    FailureText.exprSummary(test.expr(), test.evalMillis(), e.getMessage()));
            return;
        }
        List<Sample> expected = new ArrayList<>();
        for (ExprTest.ExpectedSample sample : test.expected()) {
            try {
                expected.add(new Sample(parseMetric(sample.labels()), sample.value(), false,
                        sample.histogram().map(GroupRun::parseHistogram).orElse(null)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                String error = "labels " + Quoting.quote(sample.labels()) + ": " + e.getMessage();
                fail(test.at(), FailureText.queryError(test.expr(), test.evalMillis(), error),
                        FailureText.exprSummary(test.expr(), test.evalMillis(), error));
                return;
            }
        }
        Comparator<Sample> byLabels = Comparator.comparing(Sample::labels);
        got.sort(byLabels);
        expected.sort(byLabels);
        if (!matches(expected, got)) {
            String wanted = FailureText.sampleList(expected);
            String found = FailureText.sampleList(got);
            fail(test.at(), FailureText.samples(test.expr(), test.evalMillis(), wanted, found),
                    FailureText.exprSummary(test.expr(), test.evalMillis(), "expected " + wanted + ", got " + found));
        }
    }

    /** Prometheus's {@code ParseMetric}: {@code name{l="v"}}, {@code {l="v"}}, or nothing for no labels. */
    private static Labels parseMetric(String text) {
        return text.isBlank() ? Labels.EMPTY : SeriesLine.parse(text).labels();
    }

    /** promtool reads an expected histogram as the values of the series description {@code {} <histogram>}. */
    private static FloatHistogram parseHistogram(String text) {
        SeriesLine line = SeriesLine.parse("{} " + text);
        if (line.values().size() != 1) {
            throw new IllegalArgumentException("expected 1 value, got " + line.values().size());
        }
        FloatHistogram histogram = line.histograms().get(0);
        if (histogram == null) {
            Double value = line.values().get(0);
            throw new IllegalArgumentException("expected histogram, got " + (value == null ? "_" : FloatFormat.format(value, 'f', 6)));
        }
        return histogram;
    }

    /**
     * promtool compares labels, the float, and the histograms' test expressions. The float of a
     * histogram sample is 0, so an expected histogram's {@code value} must be 0 (or left out).
     */
    private boolean matches(List<Sample> expected, List<Sample> got) {
        if (expected.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Sample want = expected.get(i);
            Sample have = got.get(i);
            if (!want.labels().equals(have.labels()) || !equal(want.value(), have.value())
                    || !histogramText(want).equals(histogramText(have))) {
                return false;
            }
        }
        return true;
    }

    /** What promtool compares histograms by, {@code TestExpression()}; "" for a float sample. */
    private static String histogramText(Sample sample) {
        return sample.isHistogram() ? sample.histogram().testExpression() : "";
    }

    /** {@code ==} as Go compares floats (NaN never equal), or within one ULP with fuzzy_compare. */
    private boolean equal(double expected, double got) {
        if (expected == got) {
            return true;
        }
        return file.fuzzyCompare() && !Double.isNaN(expected) && !Double.isNaN(got)
                && Math.abs(expected - got) <= Math.ulp(expected);
    }
}
