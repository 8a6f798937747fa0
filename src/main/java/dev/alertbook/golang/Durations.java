package dev.alertbook.golang;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * Durations as Prometheus and Go write them: Prometheus's {@code model.ParseDuration} and
 * {@code model.Duration.String} ({@code 1h30m}, {@code 90d}), and Go's {@code time.Duration.String}
 * ({@code 1h2m3.5s}), which templates print.
 *
 * <p>{@code model.ParseDuration} takes whole numbers with the units y w d h m s ms, biggest
 * first and each at most once, or a bare {@code 0}. Error texts are Prometheus's own, from the
 * parser prometheus/common has had since v0.42 (all of Prometheus 3.x): an unknown unit such as
 * {@code 5x} gives {@code unknown unit "x" in duration "5x"}; only the older regular expression
 * said {@code not a valid duration string} for it, as it still does for {@code 5} or {@code 1m1h}.
 */
public final class Durations {

    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1000 * MILLI;
    private static final long DAY = 86_400 * SECOND;

    /** Unit → its rank (units must come in increasing rank) and its length in nanoseconds. */
    private record Unit(int rank, long nanos) {
    }

    private static final Map<String, Unit> UNITS = Map.of(
            "y", new Unit(1, 365 * DAY),
            "w", new Unit(2, 7 * DAY),
            "d", new Unit(3, DAY),
            "h", new Unit(4, 3600 * SECOND),
            "m", new Unit(5, 60 * SECOND),
            "s", new Unit(6, SECOND),
            "ms", new Unit(7, MILLI));

    /** A parsed duration in nanoseconds, or the error Prometheus gives. */
    public record Parsed(long nanos, Optional<String> error) {
        public boolean isZero() {
            return error.isEmpty() && nanos == 0;
        }
    }

    private Durations() {
    }

    public static Parsed parse(String text) {
        if (text.equals("0")) {
            return new Parsed(0, Optional.empty());
        }
        if (text.isEmpty()) {
            return failed("empty duration string");
        }
        String invalid = "not a valid duration string: " + Quoting.quote(text);
        long total = 0;
        int lastRank = 0;
        int at = 0;
        while (at < text.length()) {
            int digitsEnd = skip(text, at, true);
            int unitEnd = skip(text, digitsEnd, false);
            if (digitsEnd == at || unitEnd == digitsEnd) {
                return failed(invalid);
            }
            String unitText = text.substring(digitsEnd, unitEnd);
            Unit unit = UNITS.get(unitText);
            if (unit == null) {
                return failed("unknown unit " + Quoting.quote(unitText) + " in duration " + Quoting.quote(text));
            }
            if (unit.rank() <= lastRank) {
                return failed(invalid);
            }
            lastRank = unit.rank();
            // Go reads the count as a uint64, then checks that the nanoseconds fit in an int64.
            BigInteger count = new BigInteger(text.substring(at, digitsEnd));
            if (count.bitLength() > 64) {
                return failed(invalid);
            }
            if (count.compareTo(BigInteger.valueOf(Long.MAX_VALUE / unit.nanos())) > 0) {
                return failed("duration out of range");
            }
            total += count.longValue() * unit.nanos();
            if (total < 0) {
                return failed("duration out of range");
            }
            at = unitEnd;
        }
        return new Parsed(total, Optional.empty());
    }

    private static int skip(String text, int from, boolean digits) {
        int at = from;
        while (at < text.length() && isDigit(text.charAt(at)) == digits) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Parsed failed(String error) {
        return new Parsed(0, Optional.of(error));
    }

    /** {@code model.Duration.String}: milliseconds precision, biggest units first; years and weeks only when they divide evenly. */
    public static String format(long nanos) {
        long ms = nanos / 1_000_000L;
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long second = 1000;
        long day = 86_400 * second;
        // 90d reads better than 12w6d.
        ms = unit(out, ms, "y", 365 * day, true);
        ms = unit(out, ms, "w", 7 * day, true);
        ms = unit(out, ms, "d", day, false);
        ms = unit(out, ms, "h", 3600 * second, false);
        ms = unit(out, ms, "m", 60 * second, false);
        ms = unit(out, ms, "s", second, false);
        unit(out, ms, "ms", 1, false);
        return out.toString();
    }

    private static long unit(StringBuilder out, long ms, String name, long size, boolean exact) {
        if (exact && ms % size != 0) {
            return ms;
        }
        long count = ms / size;
        if (count > 0) {
            out.append(count).append(name);
            return ms - count * size;
        }
        return ms;
    }

    /** Go's {@code time.Duration.String}: hours, minutes and seconds with a fraction, or ms, µs, ns below a second. */
    public static String formatGo(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        // The magnitude as an unsigned 64-bit number: -2^63 has no positive long.
        long u = nanos < 0 ? -nanos : nanos;
        String text;
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            if (u < 1_000) {
                text = u + "ns";
            } else if (u < 1_000_000) {
                text = fraction(u, 3) + "µs";
            } else {
                text = fraction(u, 6) + "ms";
            }
        } else {
            String seconds = fractionTail(Long.remainderUnsigned(u, 1_000_000_000L), 9);
            long whole = Long.divideUnsigned(u, 1_000_000_000L);
            StringBuilder out = new StringBuilder();
            long minutes = whole / 60;
            if (minutes > 0) {
                long hours = minutes / 60;
                if (hours > 0) {
                    out.append(hours).append('h');
                }
                out.append(minutes % 60).append('m');
            }
            text = out.append(whole % 60).append(seconds).append('s').toString();
        }
        return nanos < 0 ? "-" + text : text;
    }

    private static String fraction(long value, int digits) {
        long scale = (long) Math.pow(10, digits);
        return (value / scale) + fractionTail(value % scale, digits);
    }

    /** {@code .123} without trailing zeros, or nothing when the fraction is zero. */
    private static String fractionTail(long fraction, int digits) {
        if (fraction == 0) {
            return "";
        }
        return "." + String.format("%0" + digits + "d", fraction).replaceAll("0+$", "");
    }
}
