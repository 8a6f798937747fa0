package dev.alertbook.promqltest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Go parsers the DSL relies on: {@code model.ParseDuration} and the number parsing of the series notation. */
final class GoValues {

    // DSL syntax, not PromQL, so java.util.regex is fine here.
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};

    private GoValues() {
    }

    /** A Prometheus duration such as {@code 1h30m} or {@code 0}, in milliseconds. */
    static long durationMillis(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a valid duration string: " + GoQuote.quote(s));
        }
        long total = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (m.group(i + 1) != null) {
                total += Long.parseLong(m.group(i + 1)) * UNIT_MILLIS[i];
            }
        }
        return total;
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
            return Double.parseDouble(sign + s.replace("_", ""));
        }
        throw new NumberFormatException("bad number syntax: " + GoQuote.quote(text));
    }
}
