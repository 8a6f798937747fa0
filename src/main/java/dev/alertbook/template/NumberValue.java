package dev.alertbook.template;

import dev.alertbook.golang.Quoting;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number constant in a template, read as Go's parser reads it: the same text may be usable as
 * an int, a uint and a float64 at once ({@code 3} is all three; {@code 1e3} is a float that is also
 * an int). Execution picks the form the context needs.
 */
record NumberValue(boolean isInt, long intValue, boolean isUint, boolean isFloat, double floatValue) {

    private static final Pattern INTEGER =
            Pattern.compile("[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)");
    private static final Pattern DECIMAL_FLOAT =
            Pattern.compile("[+-]?([0-9][0-9_]*\\.?[0-9_]*|\\.[0-9][0-9_]*)([eE][+-]?[0-9][0-9_]*)?");
    private static final Pattern HEX_FLOAT =
            Pattern.compile("[+-]?0[xX]([0-9a-fA-F_]*\\.?[0-9a-fA-F_]*)[pP][+-]?[0-9][0-9_]*");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** The constant, or the error message Go's parser gives for {@code text}. */
    static Result parse(String text) {
        Optional<BigInteger> integer = integer(text);
        if (integer.isPresent()) {
            BigInteger value = integer.get();
            boolean isInt = value.bitLength() < 64;
            boolean signed = text.startsWith("+") || text.startsWith("-");
            boolean isUint = value.signum() == 0 || !signed && value.compareTo(UINT64_MAX) <= 0;
            if (isInt || isUint) {
                return Result.ok(new NumberValue(isInt, value.longValue(), isUint, true, value.doubleValue()));
            }
            return Result.failed("integer overflow: " + Quoting.quote(text));
        }
        if (DECIMAL_FLOAT.matcher(text).matches() || HEX_FLOAT.matcher(text).matches()) {
            double f = Double.parseDouble(javaFloat(text));
            if (Double.isInfinite(f)) {
                return Result.failed("illegal number syntax: " + Quoting.quote(text));
            }
            boolean integral = f == Math.rint(f) && Math.abs(f) < 0x1p63;
            return Result.ok(new NumberValue(integral, (long) f, integral && f >= 0, true, f));
        }
        return Result.failed("illegal number syntax: " + Quoting.quote(text));
    }

    private static Optional<BigInteger> integer(String text) {
        if (!INTEGER.matcher(text).matches() || text.contains("__") || text.endsWith("_")) {
            return Optional.empty();
        }
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (digits.startsWith("+") || negative) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            char marker = Character.toLowerCase(digits.charAt(1));
            radix = marker == 'x' ? 16 : marker == 'b' ? 2 : 8;
            digits = marker == 'x' || marker == 'b' || marker == 'o' ? digits.substring(2) : digits.substring(1);
        }
        BigInteger value = new BigInteger(digits, radix);
        return Optional.of(negative ? value.negate() : value);
    }

    /** Java reads hex floats and decimal floats, but not Go's underscores or a bare "1." exponent. */
    private static String javaFloat(String text) {
        String plain = text.replace("_", "");
        return plain.endsWith(".") ? plain + "0" : plain;
    }

    /** What parsing gave: a number, or Go's error text. */
    record Result(Optional<NumberValue> value, String error) {
        static Result ok(NumberValue value) {
            return new Result(Optional.of(value), "");
        }

        static Result failed(String error) {
            return new Result(Optional.empty(), error);
        }
    }

    /**
     * The value an untyped constant takes where any type is accepted, as Go's
     * {@code idealConstant}: a float64 if it is written like one, an int otherwise.
     */
    Object ideal(String text) {
        boolean looksFloat = text.matches(".*[.eEpP].*") && !text.matches("[+-]?0[xX][0-9a-fA-F_]+");
        if (isFloat && looksFloat) {
            return floatValue;
        }
        if (isInt) {
            return intValue;
        }
        return null;
    }
}
