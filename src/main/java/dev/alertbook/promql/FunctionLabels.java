package dev.alertbook.promql;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of a function call's results, by what each of Prometheus's functions
 * ({@code promql/functions.go}) does to the series it is given. Most compute a new value per
 * series and so drop the metric name; a few keep it, add a label, or make their own labels.
 */
final class FunctionLabels {

    private static final String NAME = ResultLabels.METRIC_NAME;

    /** Classic histogram buckets are merged into one result per series without {@code le}. */
    private static final String BUCKET = "le";

    /** Functions that return their input samples unchanged, or act like {@code offset}, so keep the name. */
    private static final Set<String> KEEP_NAME = Set.of("sort", "sort_desc", "sort_by_label", "sort_by_label_desc",
            "last_over_time", "first_over_time");

    private FunctionLabels() {
    }

    static ResultLabels of(Call call) {
        if (call.type() != ValueType.VECTOR) {
            return ResultLabels.NONE;
        }
        String name = call.function().name();
        List<Expr> args = call.args();
        // The series argument: the first instant or range vector; none for vector(s) and day_of_month().
        ResultLabels input = args.stream().filter(arg -> arg.type() == ValueType.VECTOR || arg.type() == ValueType.MATRIX)
                .findFirst().map(LabelInference::of).orElse(ResultLabels.NONE);
        return switch (name) {
            case "absent", "absent_over_time" -> absent(args.get(0));
            case "label_replace", "label_join" -> withLabelArgument(input, args.get(1));
            case "histogram_quantile", "histogram_fraction" -> input.without(List.of(NAME, BUCKET));
            case "histogram_quantiles" -> withLabelArgument(input.without(List.of(NAME, BUCKET)), args.get(1));
            // info() adds the data labels of whichever info series match: any label.
            case "info" -> input.or(ResultLabels.ANY);
            default -> KEEP_NAME.contains(name) ? input : input.without(NAME);
        };
    }

    /** {@code input} with the label named by a string argument possibly set. */
    private static ResultLabels withLabelArgument(ResultLabels input, Expr labelArgument) {
        return LabelInference.literal(labelArgument).map(input::with).orElse(ResultLabels.ANY);
    }

    /**
     * {@code createLabelsForAbsentFunction}: the labels of the selector's equality matchers, except
     * the name and any label matched more than once or otherwise; nothing for other arguments.
     */
    private static ResultLabels absent(Expr arg) {
        VectorSelector selector = arg instanceof VectorSelector v ? v : arg instanceof MatrixSelector m ? m.selector() : null;
        if (selector == null) {
            return ResultLabels.NONE;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Set<String> has = new HashSet<>();
        for (Matcher matcher : selector.matchers()) {
            if (matcher.name().equals(NAME)) {
                continue;
            }
            if (matcher.type() == Matcher.Type.EQUAL && has.add(matcher.name())) {
                labels.put(matcher.name(), matcher.value());
            } else {
                labels.remove(matcher.name());
            }
        }
        labels.values().removeIf(String::isEmpty);
        return ResultLabels.exactly(labels.keySet());
    }
}
