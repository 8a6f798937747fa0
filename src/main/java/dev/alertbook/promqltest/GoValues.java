package dev.alertbook.promqltest;

import dev.alertbook.golang.Durations;
import dev.alertbook.golang.Quoting;

/** The Go parsers the DSL relies on: {@code model.ParseDuration} and the number parsing of the series notation. */
final class GoValues {

    private GoValues() {
    }

    /** A Prometheus duration such as {@code 1h30m} or {@code 0}, in milliseconds. */
    static long durationMillis(String text) {
        Durations.Parsed parsed = Durations.parse(text.strip());
        if (parsed.error().isPresent()) {
            throw new IllegalArgumentException(parsed.error().get());
        }
        return parsed.nanos() / 1_000_000;
    }

    /** Go's {@code ParseInt(s, 0, 64)}, then {@code ParseFloat}: octal {@code 010}, {@code Inf} and {@code NaN} in any case. */
    static double number(String text) {
        String s = text;
        String sign = "";
        if (s.startsWith("+") || s.startsWith("-")) {
            sign = s.substring(0, 1);
            s = s.substring(1);
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return sign.equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (s.length() > 1 && s.startsWith("0") && s.chars().allMatch(c -> c >= '0' && c <= '7')) {
            return Long.parseLong(sign + s.substring(1), 8);
        }
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '.')) {
            try {
                return Double.parseDouble(sign + s.replace("_", ""));
            } catch (NumberFormatException e) {
                // Java's own message ("For input string") names neither the problem nor the notation.
                throw badNumber(text);
            }
        }
        throw badNumber(text);
    }

    static NumberFormatException badNumber(String text) {
        return new NumberFormatException("bad number syntax: " + Quoting.quote(text));
    }
}
