package dev.alertbook.golang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat} for float64: formats {@code b e E f F g G x X} with a precision,
 * or the shortest text that reads back as the same number ({@code prec} -1). Decimal digits come
 * from the exact binary value rounded half to even, as Go rounds.
 */
public final class FloatFormat {

    private FloatFormat() {
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
        String body = switch (fmt) {
            case 'x', 'X' -> hex(Math.abs(v), fmt, prec);
            case 'b' -> binary(Math.abs(v));
            default -> decimal(Math.abs(v), fmt, prec);
        };
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

    /**
     * The fewest digits that read back as {@code v}; of those, the closest to it, as Go's
     * shortest formatting picks them. Java's own {@code Double.toString} is not shortest on JDK 17
     * (1e23 prints as 9.999999999999999E22), so its digits serve only as an upper bound.
     */
    private static Digits shortest(double v, BigDecimal exact) {
        if (v == 0) {
            return new Digits("", 0);
        }
        if (v < 0x1p53 && v == Math.rint(v)) {
            // A whole number this small is exact, and any other number with fewer digits is at
            // least 1 away, further than the next double: its own digits are the shortest.
            return Digits.of(BigDecimal.valueOf((long) v));
        }
        // Whether some n-digit decimal reads back as v only grows with n (append a zero), so the
        // fewest digits are found by bisection between 1 and the digits Java prints.
        int low = 1;
        int high = new BigDecimal(Double.toString(v)).stripTrailingZeros().precision();
        BigDecimal found = readsBack(v, exact, high);
        while (low < high) {
            int middle = (low + high) >>> 1;
            BigDecimal candidate = readsBack(v, exact, middle);
            if (candidate != null) {
                high = middle;
                found = candidate;
            } else {
                low = middle + 1;
            }
        }
        return found == null ? rounded(exact, 17) : Digits.of(found);
    }

    /**
     * Of the two {@code digits}-digit decimals either side of {@code exact}, the closer one that
     * reads back as {@code v}, or null. Only those two can: beside a power of two the doubles
     * below are closer together than those above, so the nearest decimal may read back as another
     * double while the one on the far side still reads back as this one.
     */
    private static BigDecimal readsBack(double v, BigDecimal exact, int digits) {
        BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(digits, RoundingMode.CEILING));
        int order = exact.subtract(down).compareTo(up.subtract(exact));
        boolean downFirst = order < 0 || order == 0 && even(down);
        BigDecimal first = downFirst ? down : up;
        BigDecimal second = downFirst ? up : down;
        if (Double.parseDouble(first.toString()) == v) {
            return first;
        }
        return Double.parseDouble(second.toString()) == v ? second : null;
    }

    /** Whether the last digit of {@code d} is even, which Go prefers when two candidates are equally close. */
    private static boolean even(BigDecimal d) {
        return !d.unscaledValue().testBit(0);
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

    /**
     * {@code %x}: {@code 0x1.8p+01}, the mantissa normalised to a leading 1 and rounded to
     * {@code prec} hex digits half to even, the leading digit included ({@code %.0x} of 1.5 is
     * {@code 0x1p+01}).
     */
    private static String hex(double v, char fmt, int prec) {
        Parts parts = Parts.of(v);
        long mant = parts.mant();
        int exp = parts.exp();
        if (mant == 0) {
            exp = 0;
        }
        // The leading 1 goes to bit 60, so a rounding carry has room above it.
        mant <<= 8;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long dropped = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((dropped | (mant & 1)) > 1L << 59) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String digits = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder out = new StringBuilder().append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0 || prec > 0) {
            out.append('.');
            for (int i = 0; prec < 0 ? mant != 0 : i < prec; i++) {
                out.append(digits.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        if (Math.abs(exp) < 10) {
            out.append('0');
        }
        return out.append(Math.abs(exp)).toString();
    }

    /** {@code %b}: the integer mantissa and the power of two, {@code 4503599627370496p-52} for 1. */
    private static String binary(double v) {
        Parts parts = Parts.of(v);
        int exp = parts.exp() - 52;
        return parts.mant() + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    /** A finite float as strconv splits it: the 53-bit integer mantissa and the power of two of its bit 52. */
    private record Parts(long mant, int exp) {
        static Parts of(double v) {
            long bits = Double.doubleToRawLongBits(v);
            int biased = (int) ((bits >>> 52) & 0x7ff);
            long fraction = bits & ((1L << 52) - 1);
            return biased == 0 ? new Parts(fraction, 1 - 1023) : new Parts(fraction | 1L << 52, biased - 1023);
        }
    }
}
