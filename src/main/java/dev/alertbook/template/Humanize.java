package dev.alertbook.template;

import dev.alertbook.golang.Numbers;
import dev.alertbook.golang.Numbers.NumberSyntaxException;
import dev.alertbook.template.GoFunction.Failure;
import java.util.List;

/**
 * Prometheus's number formatting functions ({@code humanize}, {@code humanize1024},
 * {@code humanizeDuration}, {@code humanizePercentage}, {@code humanizeTimestamp}) and the helpers
 * from {@code prometheus/common/helpers/templates} they rest on: {@code ConvertToFloat} and
 * {@code FloatToTime}.
 */
final class Humanize {

    private static final List<String> BIG = List.of("k", "M", "G", "T", "P", "E", "Z", "Y");
    private static final List<String> BINARY = List.of("ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi");
    private static final List<String> SMALL = List.of("m", "u", "n", "p", "f", "a", "z", "y");

    private Humanize() {
    }

    static String g4(double v) {
        return GoFmt.sprintf("%.4g", List.of(v));
    }

    static String humanize(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        return Math.abs(v) >= 1 ? divided(v, BIG, 1000) : multiplied(v, "");
    }

    static String humanize1024(double v) {
        if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        return divided(v, BINARY, 1024);
    }

    /** Divides by {@code base} while the value is that large, taking the next prefix each time. */
    private static String divided(double v, List<String> prefixes, double base) {
        String prefix = "";
        for (String p : prefixes) {
            if (Math.abs(v) < base) {
                break;
            }
            prefix = p;
            v /= base;
        }
        return g4(v) + prefix;
    }

    /** Multiplies by 1000 while the value is below 1, taking the next of m, u, n, … each time. */
    private static String multiplied(double v, String unit) {
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix + unit;
    }

    static String duration(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        if (v == 0) {
            return g4(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = v < 0 ? "-" : "";
            v = Math.abs(v);
            long duration = (long) v;
            long seconds = duration % 60;
            long minutes = duration / 60 % 60;
            long hours = duration / 60 / 60 % 24;
            long days = duration / 60 / 60 / 24;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            }
            if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + g4(v) + "s";
        }
        return multiplied(v, "s");
    }

    static String percentage(double v) {
        return g4(v * 100) + "%";
    }

    static String timestamp(double v) throws Failure {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return g4(v);
        }
        return toTime(v).goString();
    }

    /** {@code FloatToTime}: unix seconds to a UTC time, cut to whole milliseconds as Prometheus does. */
    static GoTime toTime(double v) throws Failure {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new Failure("value is NaN or Inf");
        }
        double nanos = v * 1e9;
        if (nanos >= 0x1p63 || nanos < -0x1p63) {
            throw new Failure(GoFmt.print(v) + " cannot be represented as a nanoseconds timestamp since it overflows int64");
        }
        long millis = (long) nanos / 1_000_000L;
        return GoTime.of(millis / 1000, (millis % 1000) * 1_000_000L);
    }

    static GoDurationValue toDuration(double v) {
        return new GoDurationValue((long) (v * 1e9));
    }

    /** {@code ConvertToFloat}: float64, a numeric string, or a Go integer. */
    static double toFloat(Object value) throws Failure {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof String s) {
            return parseFloat(s);
        }
        throw new Failure("can't convert " + GoValues.typeName(value) + " to float");
    }

    /** Go's {@code strconv.ParseFloat(s, 64)}, with its message when it fails. */
    static double parseFloat(String s) throws Failure {
        try {
            return Numbers.parseFloat(s);
        } catch (NumberSyntaxException e) {
            throw new Failure(e.getMessage());
        }
    }
}
