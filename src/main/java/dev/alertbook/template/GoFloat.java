package dev.alertbook.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for float64: formats {@code e E f F g G x X} with a precision,
 * or the shortest text that reads back as the same number ({@code prec} -1). Decimal digits come
 * from the exact binary value rounded half to even, as Go rounds.
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** Decimal digits without trailing zeros ("" for zero) and the decimal point's position. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }

        static Digits of(BigDecimal value) {
            if (value.signum() == 0) {
                return new Digits("", 0);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            String unscaled = stripped.unscaledValue().toString();
            return new Digits(unscaled, unscaled.length() - stripped.scale());
        }
    }

    public static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = v < 0 || (v == 0 && 1 / v < 0);
        String body = fmt == 'x' || fmt == 'X' ? hex(Math.abs(v), fmt, prec) : decimal(Math.abs(v), fmt, prec);
        return neg ? "-" + body : body;
    }

    private static String decimal(double v, char fmt, int prec) {
        BigDecimal exact = new BigDecimal(v);
        boolean shortest = prec < 0;
        Digits digits;
        char lower = Character.toLowerCase(fmt);
        if (shortest) {
            digits = shortest(v, exact);
        } else if (lower == 'e') {
            digits = rounded(exact, prec + 1);
        } else if (lower == 'f') {
            digits = Digits.of(exact.setScale(prec, RoundingMode.HALF_EVEN));
        } else {
            digits = rounded(exact, prec == 0 ? 1 : prec);
        }
        switch (lower) {
            case 'e':
                return formatE(digits, shortest ? Math.max(digits.nd() - 1, 0) : prec, fmt);
            case 'f':
                return formatF(digits, shortest ? Math.max(digits.nd() - digits.dp(), 0) : prec);
            case 'g':
                int p = shortest ? digits.nd() : prec == 0 ? 1 : prec;
                int eprec = p;
                if (eprec > digits.nd() && digits.nd() >= digits.dp()) {
                    eprec = digits.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digits.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    return formatE(digits, Math.min(p, digits.nd()) - 1, fmt == 'g' ? 'e' : 'E');
                }
                return formatF(digits, Math.max((p > digits.dp() ? digits.nd() : p) - digits.dp(), 0));
            default:
                throw new IllegalArgumentException("format " + fmt);
        }
    }

    private static Digits rounded(BigDecimal exact, int significant) {
        return Digits.of(exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    /** The fewest digits that read back as {@code v}; of those, the closest to it. */
    private static Digits shortest(double v, BigDecimal exact) {
        if (v == 0) {
            return new Digits("", 0);
        }
        for (int n = 1; n < 17; n++) {
            BigDecimal candidate = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(candidate.toString()) == v) {
                return Digits.of(candidate);
            }
        }
        return rounded(exact, 17);
    }

    private static String formatE(Digits digits, int prec, char fmt) {
        StringBuilder out = new StringBuilder();
        out.append(digits.nd() == 0 ? '0' : digits.d().charAt(0));
        if (prec > 0) {
            out.append('.');
            int i = 1;
            int m = Math.min(digits.nd(), prec + 1);
            if (i < m) {
                out.append(digits.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                out.append('0');
            }
        }
        out.append(fmt);
        int exp = digits.nd() == 0 ? 0 : digits.dp() - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }

    private static String formatF(Digits digits, int prec) {
        StringBuilder out = new StringBuilder();
        if (digits.dp() > 0) {
            int m = Math.min(digits.nd(), digits.dp());
            out.append(digits.d(), 0, m);
            for (; m < digits.dp(); m++) {
                out.append('0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = digits.dp() + i - 1;
                out.append(j >= 0 && j < digits.nd() ? digits.d().charAt(j) : '0');
            }
        }
        return out.toString();
    }

    /** {@code %x}: {@code 0x1.8p+01}, mantissa normalised to a leading 1. */
    private static String hex(double v, char fmt, int prec) {
        if (v == 0) {
            String zero = "0x0" + (prec > 0 ? "." + "0".repeat(prec) : "") + "p+00";
            return fmt == 'X' ? zero.toUpperCase(java.util.Locale.ROOT) : zero;
        }
        long bits = Double.doubleToRawLongBits(v);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp = -1022;
            while ((mant & (1L << 52)) == 0) {
                mant <<= 1;
                exp--;
            }
        } else {
            mant |= 1L << 52;
            exp -= 1023;
        }
        // 52 fraction bits are 13 hex digits; round them to prec digits, half to even.
        BigInteger fraction = BigInteger.valueOf(mant & ((1L << 52) - 1));
        int digits = 13;
        if (prec >= 0 && prec < 13) {
            int drop = (13 - prec) * 4;
            BigInteger[] parts = fraction.divideAndRemainder(BigInteger.ONE.shiftLeft(drop));
            BigInteger half = BigInteger.ONE.shiftLeft(drop - 1);
            int cmp = parts[1].compareTo(half);
            fraction = parts[0];
            if (cmp > 0 || cmp == 0 && fraction.testBit(0)) {
                fraction = fraction.add(BigInteger.ONE);
            }
            digits = prec;
            if (fraction.bitLength() > prec * 4) {
                fraction = BigInteger.ZERO;
                exp++;
            }
        }
        String frac = digits == 0 ? "" : String.format("%0" + digits + "x", fraction);
        if (prec < 0) {
            frac = frac.replaceAll("0+$", "");
        } else if (prec > 13) {
            frac = frac + "0".repeat(prec - 13);
        }
        String out = "0x1" + (frac.isEmpty() ? "" : "." + frac) + "p" + (exp < 0 ? "-" : "+")
                + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return fmt == 'X' ? out.toUpperCase(java.util.Locale.ROOT) : out;
    }
}
