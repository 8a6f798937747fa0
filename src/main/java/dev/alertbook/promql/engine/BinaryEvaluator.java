package dev.alertbook.promql.engine;

import dev.alertbook.promql.BinaryExpr;
import dev.alertbook.promql.BinaryOp;
import dev.alertbook.promql.VectorMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binary operators: scalar arithmetic, vector/scalar operations, vector matching and set operators. */
final class BinaryEvaluator {

    private static final VectorMatching DEFAULT_MATCHING = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE,
            List.of(), false, List.of(), null, null);

    private final Evaluator evaluator;

    BinaryEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
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

    /** A comparison without {@code bool} filters and keeps the vector's value, whichever side it is on. */
    private Value withScalar(BinaryExpr e, Value.Vector vector, double scalar, boolean scalarLeft) {
        List<Sample> out = new ArrayList<>();
        boolean comparison = e.op().isComparison();
        for (Sample s : vector.samples()) {
            double l = scalarLeft ? scalar : s.value();
            double r = scalarLeft ? s.value() : scalar;
            double result = Arithmetic.apply(e.op(), l, r);
            if (!comparison) {
                out.add(s.withValue(result, true));
            } else if (e.returnBool()) {
                out.add(s.withValue(result, true));
            } else if (result == 1) {
                out.add(s);
            }
        }
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

    /** One-to-one and many-to-one matching; {@code group_right} is many-to-one with the sides swapped. */
    private List<Sample> match(BinaryExpr e, List<Sample> lhs, List<Sample> rhs, VectorMatching matching) {
        boolean swapped = matching.card() == VectorMatching.Cardinality.ONE_TO_MANY;
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
        boolean comparison = e.op().isComparison();
        boolean dropName = !comparison || e.returnBool();
        Set<Labels> matchedOneToOne = new HashSet<>();
        Set<Labels> produced = new HashSet<>();
        List<Sample> out = new ArrayList<>();
        for (Sample s : many) {
            Labels sig = signature(s, matching);
            Sample other = oneSide.get(sig);
            if (other == null) {
                continue;
            }
            if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE && !matchedOneToOne.add(sig)) {
                throw new QueryException("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
            }
            double l = swapped ? other.value() : s.value();
            double r = swapped ? s.value() : other.value();
            double result = Arithmetic.apply(e.op(), l, r);
            double value;
            if (!comparison || e.returnBool()) {
                value = result;
            } else if (result == 1) {
                value = l;
            } else {
                continue;
            }
            Labels labels = resultLabels(s, other, matching, dropName);
            if (matching.card() != VectorMatching.Cardinality.ONE_TO_ONE && !produced.add(labels)) {
                throw new QueryException("multiple matches for labels: grouping labels must ensure unique matches");
            }
            out.add(new Sample(labels, value, s.dropName() || dropName));
        }
        return out;
    }

    private static Labels resultLabels(Sample many, Sample one, VectorMatching matching, boolean dropName) {
        Labels labels = many.dropName() || dropName ? many.labels().withoutMetricName() : many.labels();
        if (matching.card() == VectorMatching.Cardinality.ONE_TO_ONE) {
            labels = matching.on() ? labels.only(matching.matchingLabels()) : labels.without(matching.matchingLabels());
        }
        for (String name : matching.include()) {
            labels = labels.with(name, one.finalLabels().get(name));
        }
        return labels;
    }

    private static QueryException duplicate(Labels sig, Sample a, Sample b, String side) {
        return new QueryException("found duplicate series for the match group " + sig.toMapString() + " on the " + side
                + " hand-side of the operation: [" + a.finalLabels().toMapString() + ", " + b.finalLabels().toMapString()
                + "];many-to-many matching not allowed: matching labels must be unique on one side");
    }
}
