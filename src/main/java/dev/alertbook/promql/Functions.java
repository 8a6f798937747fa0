package dev.alertbook.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prometheus 3.14's function table ({@code promql/parser/functions.go}, see
 * {@code reference/promql-functions.md}). Each entry reads {@code name args variadic return [x]}
 * with the types as letters: V instant vector, M range vector, S scalar, T string, {@code -} for
 * none; {@code x} marks an experimental function.
 */
public final class Functions {

    private static final List<String> TABLE = List.of(
            "abs V 0 V",
            "absent V 0 V",
            "absent_over_time M 0 V",
            "acos V 0 V",
            "acosh V 0 V",
            "asin V 0 V",
            "asinh V 0 V",
            "atan V 0 V",
            "atanh V 0 V",
            "avg_over_time M 0 V",
            "ceil V 0 V",
            "changes M 0 V",
            "clamp VSS 0 V",
            "clamp_max VS 0 V",
            "clamp_min VS 0 V",
            "cos V 0 V",
            "cosh V 0 V",
            "count_over_time M 0 V",
            "day_of_month V 1 V",
            "day_of_week V 1 V",
            "day_of_year V 1 V",
            "days_in_month V 1 V",
            "deg V 0 V",
            "delta M 0 V",
            "deriv M 0 V",
            "double_exponential_smoothing MSS 0 V x",
            "end - 0 S x",
            "exp V 0 V",
            "first_over_time M 0 V",
            "floor V 0 V",
            "histogram_avg V 0 V",
            "histogram_count V 0 V",
            "histogram_fraction SSV 0 V",
            "histogram_quantile SV 0 V",
            "histogram_quantiles VTSS 9 V x",
            "histogram_stddev V 0 V",
            "histogram_stdvar V 0 V",
            "histogram_sum V 0 V",
            "hour V 1 V",
            "idelta M 0 V",
            "increase M 0 V",
            "info VV 1 V x",
            "irate M 0 V",
            "label_join VTTT -1 V",
            "label_replace VTTTT 0 V",
            "last_over_time M 0 V",
            "ln V 0 V",
            "log10 V 0 V",
            "log2 V 0 V",
            "mad_over_time M 0 V x",
            "max_of SS 0 S x",
            "max_over_time M 0 V",
            "min_of SS 0 S x",
            "min_over_time M 0 V",
            "minute V 1 V",
            "month V 1 V",
            "pi - 0 S",
            "predict_linear MS 0 V",
            "present_over_time M 0 V",
            "quantile_over_time SM 0 V",
            "rad V 0 V",
            "range - 0 S x",
            "rate M 0 V",
            "resets M 0 V",
            "round VS 1 V",
            "scalar V 0 S",
            "sgn V 0 V",
            "sin V 0 V",
            "sinh V 0 V",
            "sort V 0 V",
            "sort_by_label VT -1 V x",
            "sort_by_label_desc VT -1 V x",
            "sort_desc V 0 V",
            "sqrt V 0 V",
            "start - 0 S x",
            "start_timestamp V 0 V x",
            "stddev_over_time M 0 V",
            "stdvar_over_time M 0 V",
            "step - 0 S x",
            "sum_over_time M 0 V",
            "tan V 0 V",
            "tanh V 0 V",
            "time - 0 S",
            "timestamp V 0 V",
            "ts_of_first_over_time M 0 V x",
            "ts_of_last_over_time M 0 V x",
            "ts_of_max_over_time M 0 V x",
            "ts_of_min_over_time M 0 V x",
            "vector S 0 V",
            "year V 1 V");

    private static final Map<String, Function> BY_NAME = new TreeMap<>();

    static {
        for (String entry : TABLE) {
            String[] parts = entry.split(" ");
            List<ValueType> args = new ArrayList<>();
            for (char letter : parts[1].replace("-", "").toCharArray()) {
                args.add(type(letter));
            }
            BY_NAME.put(parts[0], new Function(parts[0], args, Integer.parseInt(parts[2]), type(parts[3].charAt(0)),
                    parts.length > 4));
        }
    }

    private Functions() {
    }

    private static ValueType type(char letter) {
        return switch (letter) {
            case 'V' -> ValueType.VECTOR;
            case 'M' -> ValueType.MATRIX;
            case 'S' -> ValueType.SCALAR;
            default -> ValueType.STRING;
        };
    }

    /** The function called {@code name}; names are case-sensitive. */
    public static Optional<Function> get(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static int count() {
        return BY_NAME.size();
    }
}
