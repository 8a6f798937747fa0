package dev.alertbook.promql.engine;

import java.math.BigDecimal;

/** Go's renderings of numbers and strings that appear in result labels and messages. */
final class Format {

    /** The front end keeps a string's invalid UTF-8 bytes as the lone surrogates U+DC80..U+DCFF. */
    private static final char INVALID_BYTE = 0xDC80;

    private Format() {
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: the shortest exact decimal, never an exponent. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Prometheus's {@code FormatOpenMetricsFloat}, which {@code histogram_quantiles} labels quantiles with: {@code 0.5}, {@code 1.0}. */
    static String openMetricsFloat(double v) {
        String g = dev.alertbook.golang.FloatFormat.format(v, 'g', -1);
        if (Double.isNaN(v) || Double.isInfinite(v) || g.contains("e") || g.contains(".")) {
            return g;
        }
        return g + ".0";
    }

    /** Go's {@code %q} for the plain strings that label names and values mostly are. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= INVALID_BYTE && c < INVALID_BYTE + 0x100) {
                        out.append(String.format("\\x%02x", c - INVALID_BYTE));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
