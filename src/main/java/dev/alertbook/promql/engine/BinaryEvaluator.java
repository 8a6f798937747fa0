package dev.alertbook.promql.engine;

import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.VectorMatching;
import dev.alertbook.promql.engine.FloatHistogram.CounterResetHint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binary operators: scalar arithmetic, vector/scalar operations, vector matching (with the
 * experimental fill modifiers) and set operators, over floats and histograms. As in Prometheus,
 * an operation between incompatible samples drops them, and each evaluation reports only the
 * last such problem.
 */
final class BinaryEvaluator {

    private static final VectorMatching DEFAULT_MATCHING = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE,
            List.of(), false, List.of(), null, null);

    private final Evaluator evaluator;

    BinaryEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The result of one pair of samples: a float or histogram, whether it is kept, and the problem, if any. */
    private record Element(double value, FloatHistogram histogram, boolean keep, Problem problem) {

        static Element dropped(Problem problem) {
            return new Element(0, null, false, problem);
        }
    }

    /** An annotation an operation raises: a warning drops the result, an info keeps it. */
    private record Problem(boolean warning, String text) {
    }

    Value eval(BinaryExpr e, long t) {
        Value l = evaluator.eval(e.lhs(), t);
        Value r = evaluator.eval(e.rhs(), t);
        BinaryOp op = e.op();
        if (l instanceof Value.Scalar ls && r instanceof Value.Scalar rs) {
            return new Value.Scalar(Arithmetic.apply(op, ls.value(), rs.value()));
        }
        if (l instanceof Value.Scalar ls) {
            return withScalar(e, (Value.Vector) r, ls.value(), true);
        }
        if (r instanceof Value.Scalar rs) {
            return withScalar(e, (Value.Vector) l, rs.value(), false);
        }
        List<Sample> lhs = ((Value.Vector) l).samples();
        List<Sample> rhs = ((Value.Vector) r).samples();
        VectorMatching matching = e.matching() == null ? DEFAULT_MATCHING : e.matching();
        return new Value.Vector(switch (op) {
            case AND -> filter(lhs, rhs, matching, true);
            case UNLESS -> filter(lhs, rhs, matching, false);
            case OR -> or(lhs, rhs, matching);
            default -> match(e, lhs, rhs, matching);
        });
    }

    private void report(Problem problem, BinaryExpr e) {
        if (problem != null) {
            if (problem.warning()) {
                evaluator.annotations.warn(problem.text(), e.span());
            } else {
                evaluator.annotations.info(problem.text(), e.span());
            }
        }
    }

    /** Arithmetic makes a value that no longer is the metric; comparisons and trims keep it. */
    private static boolean changesMeaning(BinaryOp op) {
        return !op.isComparison() && op != BinaryOp.TRIM_UPPER && op != BinaryOp.TRIM_LOWER;
    }

    private static String kind(FloatHistogram h) {
        return h == null ? "float" : "histogram";
    }

    /** Prometheus's {@code vectorElemBinop}: one operation between two samples, each a float or a histogram. */
    private static Element element(BinaryOp op, double l, double r, FloatHistogram hl, FloatHistogram hr) {
        Problem incompatible = new Problem(false, HistogramMessages.incompatibleTypes(kind(hl), op.text(), kind(hr)));
        if (hl == null && hr == null) {
            if (op == BinaryOp.TRIM_UPPER || op == BinaryOp.TRIM_LOWER) {
                return Element.dropped(incompatible);
            }
            double result = Arithmetic.apply(op, l, r);
            return op.isComparison() ? new Element(l, null, result == 1, null) : new Element(result, null, true, null);
        }
        if (hl == null) {
            return op == BinaryOp.MUL ? new Element(0, hr.times(l).compact(), true, null) : Element.dropped(incompatible);
        }
        if (hr == null) {
            return switch (op) {
                case MUL -> new Element(0, hl.times(r).compact(), true, null);
                case DIV -> new Element(0, hl.dividedBy(r).compact(), true, null);
                case TRIM_UPPER -> new Element(0, HistogramTrim.trim(hl, r, true), true, null);
                case TRIM_LOWER -> new Element(0, HistogramTrim.trim(hl, r, false), true, null);
                default -> Element.dropped(incompatible);
            };
        }
        return switch (op) {
            case ADD, SUB -> {
                FloatHistogram.Combined combined;
                try {
                    combined = op == BinaryOp.ADD ? hl.plus(hr) : hl.minus(hr);
                } catch (FloatHistogram.IncompatibleSchemas e) {
                    yield Element.dropped(new Problem(true, HistogramMessages.incompatibleLayout(op.text())));
                }
                String operation = op == BinaryOp.ADD ? "addition" : "subtraction";
                FloatHistogram result = combined.histogram();
                if (op == BinaryOp.SUB) {
                    result = result.withCounterResetHint(CounterResetHint.GAUGE);
                }
                if (combined.counterResetCollision()) {
                    yield Element.dropped(new Problem(true, HistogramMessages.counterResetCollision(operation)));
                }
                Problem info = combined.boundsReconciled() ? new Problem(false, HistogramMessages.reconciled(operation)) : null;
                yield new Element(0, result.compact(), true, info);
            }
            case EQL -> new Element(0, hl, hl.exactlyEquals(hr), null);
            case NEQ -> new Element(0, hl, !hl.exactlyEquals(hr), null);
            default -> Element.dropped(incompatible);
        };
    }

    /** A comparison without {@code bool} filters and keeps the vector's value, whichever side it is on. */
    private Value withScalar(BinaryExpr e, Value.Vector vector, double scalar, boolean scalarLeft) {
        List<Sample> out = new ArrayList<>();
        BinaryOp op = e.op();
        Problem last = null;
        for (Sample s : vector.samples()) {
            double l = scalarLeft ? scalar : s.value();
            double r = scalarLeft ? s.value() : scalar;
            FloatHistogram hl = scalarLeft ? null : s.histogram();
            FloatHistogram hr = scalarLeft ? s.histogram() : null;
            Element result = element(op, l, r, hl, hr);
            if (result.problem() != null && !result.problem().warning()) {
                last = result.problem();
                continue;
            }
            double value = result.value();
            FloatHistogram histogram = result.histogram();
            if (op.isComparison() && scalarLeft) {
                value = r;
                histogram = hr;
            }
            boolean keep = result.keep();
            if (e.returnBool()) {
                value = keep ? 1 : 0;
                histogram = null;
                keep = true;
            }
            if (keep) {
                boolean drop = changesMeaning(op) || e.returnBool();
                out.add(histogram != null ? s.withHistogram(histogram, drop) : s.withValue(value, drop));
            }
        }
        report(last, e);
        return new Value.Vector(out);
    }

    private static Labels signature(Labels labels, VectorMatching matching) {
        if (matching.on()) {
            return labels.only(matching.matchingLabels());
        }
        List<String> drop = new ArrayList<>(matching.matchingLabels());
        drop.add(Labels.METRIC_NAME);
        return labels.without(drop);
    }

    /** Matching sees the labels before delayed name removal, so type and unit labels still take part. */
    private static Labels signature(Sample s, VectorMatching matching) {
        return signature(s.labels(), matching);
    }

    private List<Sample> filter(List<Sample> lhs, List<Sample> rhs, VectorMatching matching, boolean keepMatched) {
        Set<Labels> right = new HashSet<>();
        for (Sample s : rhs) {
            right.add(signature(s, matching));
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : lhs) {
            if (right.contains(signature(s, matching)) == keepMatched) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Sample> or(List<Sample> lhs, List<Sample> rhs, VectorMatching matching) {
        Set<Labels> left = new HashSet<>();
        List<Sample> out = new ArrayList<>(lhs);
        for (Sample s : lhs) {
            left.add(signature(s, matching));
        }
        for (Sample s : rhs) {
            if (!left.contains(signature(s, matching))) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * One-to-one and many-to-one matching; {@code group_right} is many-to-one with the sides
     * swapped. With fill modifiers, a sample without a match meets the fill value instead, under
     * its own matching labels.
     */
    private List<Sample> match(BinaryExpr e, List<Sample> lhs, List<Sample> rhs, VectorMatching matching) {
        // As in Prometheus, fill_right stands in for a missing sample of the "one" side and fill_left
        // for one of the "many" side, whichever operand group_right makes the "one".
        Double fillOne = matching.fillRight();
        Double fillMany = matching.fillLeft();
        boolean swapped = matching.card() == VectorMatching.Cardinality.ONE_TO_MANY;
        if (lhs.isEmpty() && rhs.isEmpty() || (lhs.isEmpty() || rhs.isEmpty()) && fillMany == null && fillOne == null) {
            return List.of();
        }
        List<Sample> many = swapped ? rhs : lhs;
        List<Sample> one = swapped ? lhs : rhs;
        Map<Labels, Sample> oneSide = new HashMap<>();
        for (Sample s : one) {
            Labels sig = signature(s, matching);
            Sample previous = oneSide.putIfAbsent(sig, s);
            if (previous != null) {
                throw duplicate(sig, previous, s, swapped ? "left" : "right");
            }
        }
        Pairing pairing = new Pairing(e, matching, swapped);
        for (Sample s : many) {
            Labels sig = signature(s, matching);
            Sample other = oneSide.get(sig);
            if (other == null) {
                if (fillOne == null) {
                    continue;
                }
                other = new Sample(fillLabels(s, matching), fillOne, false);
            }
            pairing.pair(s, other, sig);
        }
        if (fillMany != null) {
            for (Sample s : one) {
                Labels sig = signature(s, matching);
                if (pairing.matched(sig)) {
                    continue;
                }
                pairing.pair(new Sample(fillLabels(s, matching), fillMany, false), s, sig);
            }
        }
        report(pairing.last, e);
        return pairing.out;
    }

    /** The labels of a fill value: the matching labels of the sample it stands in for. */
    private static Labels fillLabels(Sample s, VectorMatching matching) {
        if (matching.on()) {
            return s.labels().only(matching.matchingLabels());
        }
        List<String> drop = new ArrayList<>(matching.matchingLabels());
        drop.add(Labels.METRIC_NAME);
        return s.labels().without(drop);
    }

    /** The pairs of one vector matching, with the checks that each match is unique. */
    private final class Pairing {

        private final BinaryExpr e;
        private final VectorMatching matching;
        private final boolean swapped;
        private final Set<Labels> matchedOneToOne = new HashSet<>();
        private final Map<Labels, Set<Labels>> produced = new HashMap<>();
        final List<Sample> out = new ArrayList<>();
        Problem last;

        Pairing(BinaryExpr e, VectorMatching matching, boolean swapped) {
            this.e = e;
            this.matching = matching;
            this.swapped = swapped;
        }

        boolean matched(Labels sig) {
            return matching.card() == VectorMatching.Cardinality.ONE_TO_ONE ? matchedOneToOne.contains(sig)
                    : !produced.getOrDefault(sig, Set.of()).isEmpty();
        }

        /** Applies the operator to a sample of the many side and its match on the one side. */
        void pair(Sample many, Sample one, Labels sig) {
            Sample left = swapped ? one : many;
            Sample right = swapped ? many : one;
            Element result = element(e.op(), left.value(), right.value(), left.histogram(), right.histogram());
            if (result.problem() != null && (result.problem().warning() || !result.keep())) {
                last = result.problem();
                return;
            }
            if (result.problem() != null) {
                last = result.problem();
            }
            boolean dropName = changesMeaning(e.op()) || e.returnBool();
            Labels labels = resultLabels(many, one, dropName);
            if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE) {
                if (!matchedOneToOne.add(sig)) {
                    throw new QueryException("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
                }
            } else if (!produced.computeIfAbsent(sig, k -> new HashSet<>()).add(labels)) {
                throw new QueryException("multiple matches for labels: grouping labels must ensure unique matches");
            }
            if (!result.keep() && !e.returnBool()) {
                return;
            }
            if (e.returnBool()) {
                out.add(new Sample(labels, result.keep() ? 1 : 0, true));
            } else {
                out.add(new Sample(labels, result.histogram() == null ? result.value() : 0, many.dropName() || dropName,
                        result.histogram()));
            }
        }

        private Labels resultLabels(Sample many, Sample one, boolean dropName) {
            Labels labels = many.dropName() || dropName ? many.labels().withoutMetricName() : many.labels();
            if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE) {
                labels = matching.on() ? labels.only(matching.matchingLabels()) : labels.without(matching.matchingLabels());
            }
            for (String name : matching.include()) {
                labels = labels.with(name, one.finalLabels().get(name));
            }
            return labels;
        }
    }

    private static QueryException duplicate(Labels sig, Sample a, Sample b, String side) {
        String first = a.finalLabels().toMapString();
        String second = b.finalLabels().toMapString();
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
        return new QueryException("found duplicate series for the match group " + sig.toMapString() + " on the " + side
                + " hand-side of the operation: [" + first + ", " + second
                + "];many-to-many matching not allowed: matching labels must be unique on one side");
    }
}
