package dev.alertbook.golang;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Go's {@code strconv} number parsing: {@code ParseInt(s, 0, 64)}, {@code ParseFloat(s, 64)},
 * and PromQL's {@code parseNumber}, which tries the first and then the second (so {@code 010}
 * is octal 8, {@code 0x10} is 16 and {@code 1e3} is 1000). Errors carry Go's own messages.
 */
public final class Numbers {

    /** A number that Go's {@code strconv} rejects, with Go's message. */
    public static final class NumberSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        NumberSyntaxException(String message) {
            super(message);
        }
    }

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    /** Go's floating-point literal syntax; underscores are checked apart, by {@link #underscoreOk}. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9_]+\\.?[0-9_]*|\\.[0-9_]+)([eE][+-]?[0-9_]+)?");
    private static final Pattern HEX = Pattern.compile(
            "[+-]?0[xX]([0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+");

    private Numbers() {
    }

    /** PromQL's {@code parseNumber}: {@code strconv.ParseInt(s, 0, 64)}, else {@code strconv.ParseFloat(s, 64)}. */
    public static double parse(String text) throws NumberSyntaxException {
        Optional<Long> integer = parseInt(text);
        return integer.isPresent() ? integer.get() : parseFloat(text);
    }

    /**
     * {@code strconv.ParseInt(s, 0, 64)}: an optional sign, then {@code 0x}, {@code 0o} or
     * {@code 0b} digits, octal after a leading 0, or decimal; underscores between digits. Empty
     * for anything else, an int64 overflow included.
     */
    public static Optional<Long> parseInt(String text) {
        if (!underscoreOk(text)) {
            return Optional.empty();
        }
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.length() > 1 && lower.charAt(0) == '0') {
            char base = lower.charAt(1);
            radix = base == 'x' ? 16 : base == 'o' ? 8 : base == 'b' ? 2 : 8;
            digits = base == 'x' || base == 'o' || base == 'b' ? digits.substring(2) : digits.substring(1);
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(digits, radix);
        value = negative ? value.negate() : value;
        return value.compareTo(INT64_MIN) < 0 || value.compareTo(INT64_MAX) > 0 ? Optional.empty()
                : Optional.of(value.longValue());
    }

    /**
     * {@code strconv.ParseFloat(s, 64)}: decimal and hexadecimal ({@code 0x1.8p1}) floating-point
     * literals with Go's underscores, and {@code Inf}, {@code Infinity} (either signed) and
     * {@code NaN} in any case. A value too large for a float64 is an error; one too small is 0.
     */
    public static double parseFloat(String text) throws NumberSyntaxException {
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan" -> {
                return Double.NaN;
            }
            default -> {
            }
        }
        boolean hex = HEX.matcher(text).matches();
        if (!hex && !DECIMAL.matcher(text).matches() || !underscoreOk(text) || !hasDigit(text, hex)) {
            throw new NumberSyntaxException("strconv.ParseFloat: parsing " + Quoting.quote(text) + ": invalid syntax");
        }
        // Java reads both forms, rounding to nearest even as Go does, once Go's underscores are gone.
        double value = Double.parseDouble(text.replace("_", ""));
        if (Double.isInfinite(value)) {
            throw new NumberSyntaxException("strconv.ParseFloat: parsing " + Quoting.quote(text) + ": value out of range");
        }
        return value;
    }

    /** Whether the mantissa has a digit: underscores alone, as in {@code _.e1}, make no number. */
    private static boolean hasDigit(String text, boolean hex) {
        int start = hex ? text.toLowerCase(Locale.ROOT).indexOf('x') + 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E') {
                return false;
            }
            if (hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Go's {@code underscoreOK}: underscores only between digits, or after a base prefix. */
    static boolean underscoreOk(String text) {
        String s = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else if (saw == '_') {
                return false;
            } else {
                saw = '!';
            }
        }
        return saw != '_';
    }
}
