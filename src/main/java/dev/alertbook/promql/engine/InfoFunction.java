package dev.alertbook.promql.engine;

import com.google.re2j.Pattern;
import dev.alertbook.promql.AggregateExpr;
import dev.alertbook.promql.At;
import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.Call;
import dev.alertbook.promql.Expr;
import dev.alertbook.promql.MatrixSelector;
import dev.alertbook.promql.Matcher;
import dev.alertbook.promql.Modifiers;
import dev.alertbook.promql.ParenExpr;
import dev.alertbook.promql.SubqueryExpr;
import dev.alertbook.promql.UnaryExpr;
import dev.alertbook.promql.VectorSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The experimental {@code info(v, {selector})}: adds to each sample the data labels of the info
 * series (by default {@code target_info}) that share its {@code instance} and {@code job}, as
 * Prometheus's {@code evalInfo} does.
 */
final class InfoFunction {

    private static final String TARGET_INFO = "target_info";
    private static final List<String> IDENTIFYING = List.of("instance", "job");

    private final Evaluator evaluator;

    InfoFunction(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value eval(Call call, long t) {
        Expr base = call.args().get(0);
        List<Sample> samples = evaluator.vector(base, t).samples();
        Map<String, List<Matcher>> dataMatchers = new LinkedHashMap<>();
        List<Matcher> nameMatchers = new ArrayList<>();
        if (call.args().size() > 1) {
            for (Matcher m : ((VectorSelector) unwrap(call.args().get(1))).matchers()) {
                dataMatchers.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m);
                if (m.name().equals(Labels.METRIC_NAME)) {
                    nameMatchers.add(m);
                }
            }
        } else {
            nameMatchers.add(new Matcher(Matcher.Type.EQUAL, Labels.METRIC_NAME, TARGET_INFO));
        }
        List<Matcher> effectiveNames = effectiveNameMatchers(nameMatchers);
        Set<Labels> ignored = new HashSet<>();
        for (Sample s : samples) {
            if (matchesAll(effectiveNames, s.labels().metricName())) {
                ignored.add(s.labels());
            }
        }
        List<Sample> infos = infoSamples(base, samples, ignored, dataMatchers, t);
        return new Value.Vector(combine(samples, infos, ignored, dataMatchers));
    }

    private static Expr unwrap(Expr e) {
        Expr inner = e;
        while (inner instanceof ParenExpr paren) {
            inner = paren.expr();
        }
        return inner;
    }

    /** With no matcher selecting names positively, only names ending in {@code _info} (or target_info, with none at all). */
    private static List<Matcher> effectiveNameMatchers(List<Matcher> matchers) {
        for (Matcher m : matchers) {
            if (m.type() == Matcher.Type.EQUAL || m.type() == Matcher.Type.REGEX) {
                return matchers;
            }
        }
        if (!matchers.isEmpty()) {
            List<Matcher> out = new ArrayList<>();
            out.add(new Matcher(Matcher.Type.REGEX, Labels.METRIC_NAME, ".+_info"));
            out.addAll(matchers);
            return out;
        }
        return List.of(new Matcher(Matcher.Type.EQUAL, Labels.METRIC_NAME, TARGET_INFO));
    }

    private boolean matchesAll(List<Matcher> matchers, String value) {
        for (Matcher m : matchers) {
            if (!evaluator.store.matches(m, value)) {
                return false;
            }
        }
        return true;
    }

    /** The info series that may match: those with the identifying values of the samples, read at the base selector's time. */
    private List<Sample> infoSamples(Expr base, List<Sample> samples, Set<Labels> ignored, Map<String, List<Matcher>> dataMatchers,
            long t) {
        Map<String, Set<String>> identifying = new TreeMap<>();
        for (Sample s : samples) {
            if (ignored.contains(s.labels())) {
                continue;
            }
            for (String name : IDENTIFYING) {
                String value = s.labels().get(name);
                if (!value.isEmpty()) {
                    identifying.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(value);
                }
            }
        }
        List<Matcher> nameMatchers = dataMatchers.getOrDefault(Labels.METRIC_NAME, List.of());
        dataMatchers.remove(Labels.METRIC_NAME);
        if (identifying.isEmpty()) {
            return List.of();
        }
        List<Matcher> matchers = new ArrayList<>();
        identifying.forEach((name, values) -> matchers.add(new Matcher(Matcher.Type.REGEX, name,
                String.join("|", values.stream().map(Pattern::quote).toList()))));
        dataMatchers.values().forEach(matchers::addAll);
        matchers.addAll(effectiveNameMatchers(nameMatchers));
        long at = readTime(base, t);
        List<Sample> out = new ArrayList<>();
        for (StoredSeries s : evaluator.store.select(matchers)) {
            int i = s.after(at) - 1;
            if (i < 0 || s.time(i) <= at - evaluator.options.lookbackMillis() || s.isStale(i)) {
                continue;
            }
            if (s.histogram(i) != null) {
                throw new QueryException("this should be an info metric, with float samples: " + s.labels().toMapString());
            }
            out.add(new Sample(s.labels(), s.time(i), false));
        }
        evaluator.limits.load(out.size());
        return out;
    }

    /** The time info series are read at: that of the first selector in the base expression, its offset and {@code @} included. */
    private long readTime(Expr base, long t) {
        List<Expr> path = new ArrayList<>();
        VectorSelector selector = firstSelector(base, path);
        if (selector == null) {
            return t;
        }
        Modifiers modifiers = selector.modifiers();
        long offset = evaluator.millis(modifiers.offsetNanos(), modifiers.offsetExpr());
        At at = modifiers.at();
        for (int i = path.size() - 1; at == null && i >= 0; i--) {
            if (path.get(i) instanceof SubqueryExpr subquery) {
                offset += evaluator.millis(subquery.modifiers().offsetNanos(), subquery.modifiers().offsetExpr());
                at = subquery.modifiers().at();
            }
        }
        long time = at == null ? t : switch (at.kind()) {
            case START -> evaluator.times.start();
            case END -> evaluator.times.end();
            case TIMESTAMP -> at.millis();
        };
        return time - offset;
    }

    private static VectorSelector firstSelector(Expr e, List<Expr> path) {
        if (e instanceof VectorSelector selector) {
            return selector;
        }
        List<Expr> children = new ArrayList<>();
        if (e instanceof ParenExpr paren) {
            children.add(paren.expr());
        } else if (e instanceof UnaryExpr unary) {
            children.add(unary.expr());
        } else if (e instanceof BinaryExpr binary) {
            children.add(binary.lhs());
            children.add(binary.rhs());
        } else if (e instanceof AggregateExpr aggregate) {
            if (aggregate.param() != null) {
                children.add(aggregate.param());
            }
            children.add(aggregate.expr());
        } else if (e instanceof Call call) {
            children.addAll(call.args());
        } else if (e instanceof MatrixSelector matrix) {
            children.add(matrix.selector());
        } else if (e instanceof SubqueryExpr subquery) {
            children.add(subquery.expr());
        }
        path.add(e);
        for (Expr child : children) {
            VectorSelector found = firstSelector(child, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** The signature an info series and a sample meet on: the info metric's name and the identifying labels. */
    private static Labels signature(String infoName, Labels labels) {
        Labels id = labels.only(IDENTIFYING);
        return id.with(Labels.METRIC_NAME, infoName);
    }

    private List<Sample> combine(List<Sample> samples, List<Sample> infos, Set<Labels> ignored,
            Map<String, List<Matcher>> dataMatchers) {
        Set<String> infoNames = new TreeSet<>();
        infos.forEach(s -> infoNames.add(s.labels().metricName()));
        Map<Labels, Sample> bySignature = new LinkedHashMap<>();
        for (Sample info : infos) {
            Labels sig = signature(info.labels().metricName(), info.labels());
            Sample existing = bySignature.get(sig);
            if (existing == null || existing.value() < info.value()) {
                bySignature.put(sig, info);
            } else if (existing.value() == info.value()) {
                throw new QueryException("found duplicate series for info metric: existing " + existing.labels().toMapString()
                        + " @ " + (long) existing.value() + ", new " + info.labels().toMapString() + " @ " + (long) info.value());
            }
        }
        List<Sample> out = new ArrayList<>();
        Set<Labels> produced = new HashSet<>();
        for (Sample s : samples) {
            Sample result = ignored.contains(s.labels()) ? s : enrich(s, infoNames, bySignature, dataMatchers);
            if (result == null) {
                continue;
            }
            if (!produced.add(result.labels())) {
                throw new QueryException("vector cannot contain metrics with the same labelset");
            }
            out.add(result);
        }
        return out;
    }

    /** The sample with the data labels of its info series added; null when the data matchers demand labels it did not get. */
    private Sample enrich(Sample s, Set<String> infoNames, Map<Labels, Sample> bySignature, Map<String, List<Matcher>> dataMatchers) {
        Map<String, String> added = new TreeMap<>();
        boolean matched = false;
        for (String infoName : infoNames) {
            Sample info = bySignature.get(signature(infoName, s.labels()));
            if (info == null) {
                continue;
            }
            Labels infoLabels = info.labels();
            for (int i = 0; i < infoLabels.size(); i++) {
                String name = infoLabels.name(i);
                String value = infoLabels.value(i);
                if (name.equals(Labels.METRIC_NAME) || !dataMatchers.isEmpty() && !dataMatchers.containsKey(name)) {
                    continue;
                }
                String previous = added.get(name);
                if (previous != null && !previous.equals(value)) {
                    throw new QueryException("conflicting label: " + name);
                }
                if (!s.labels().has(name)) {
                    added.put(name, value);
                }
            }
            matched = true;
        }
        if (!matched) {
            for (List<Matcher> matchers : dataMatchers.values()) {
                for (Matcher m : matchers) {
                    if (!evaluator.store.matches(m, "")) {
                        return null;
                    }
                }
            }
        }
        Labels labels = s.labels();
        for (Map.Entry<String, String> e : added.entrySet()) {
            labels = labels.with(e.getKey(), e.getValue());
        }
        return s.withLabels(labels, s.dropName());
    }
}
