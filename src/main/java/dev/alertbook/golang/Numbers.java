package dev.alertbook.golang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Number literals the way Prometheus reads and writes them: {@code strconv.ParseInt(s, 0, 64)}
 * first (so {@code 010} is octal 8 and {@code 0x10} is 16), then {@code strconv.ParseFloat}; and
 * {@code strconv.FormatFloat(v, 'f', -1, 64)} for printing.
 */
public final class Numbers {

    /** A number that Go's {@code strconv} rejects, with Go's message. */
    public static final class NumberSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        NumberSyntaxException(String message) {
            super(message);
        }
    }

    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Numbers() {
    }

    public static double parse(String text) throws NumberSyntaxException {
        if (underscoreOk(text)) {
            String digits = text.replace("_", "");
            BigInteger integer = parseInteger(digits);
            if (integer != null && integer.compareTo(INT64_MAX) <= 0) {
                return integer.doubleValue();
            }
        }
        return parseFloat(text);
    }

    /** ParseInt's base-0 reading, or null where it is not an integer literal at all. */
    private static BigInteger parseInteger(String digits) {
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return lower.length() > 2 && lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0)
                    ? new BigInteger(lower.substring(2), 16) : null;
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return digits.chars().allMatch(c -> c <= '7') ? new BigInteger(digits, 8) : null;
        }
        return new BigInteger(digits);
    }

    private static double parseFloat(String text) throws NumberSyntaxException {
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
        String invalid = "strconv.ParseFloat: parsing " + Quoting.quote(text) + ": invalid syntax";
        if (!underscoreOk(text) || !lower.matches("[+-]?([0-9_]+\\.?[0-9_]*|\\.[0-9_]+)(e[+-]?[0-9_]+)?")) {
            throw new NumberSyntaxException(invalid);
        }
        double value = Double.parseDouble(text.replace("_", ""));
        if (Double.isInfinite(value)) {
            throw new NumberSyntaxException("strconv.ParseFloat: parsing " + Quoting.quote(text) + ": value out of range");
        }
        return value;
    }

    /** Go's {@code underscoreOK}: underscores only between digits, or after a base prefix. */
    private static boolean underscoreOk(String text) {
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

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** Go's {@code %v} for a float ({@code strconv.FormatFloat(v, 'g', -1, 64)}): {@code 1e+06}, {@code 0.5}. */
    public static String formatShortest(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return format(value);
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = value < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** {@code strconv.AppendFloat(ms/1000.0, 'f', 3, 64)}: an {@code @} timestamp in seconds. */
    public static String formatMillis(long millis) {
        return new BigDecimal(millis / 1000.0).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Go's {@code %f}: six decimals, with Go's spelling of the special values. */
    public static String formatFixed(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return format(value);
        }
        return new BigDecimal(value).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
