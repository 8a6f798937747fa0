package dev.alertbook.template;

import java.util.List;
import java.util.Optional;

/** A Go {@code *time.Duration}, as {@code toDuration} returns it; prints like {@code 1h2m3.5s}. */
record GoDurationValue(long nanos) implements GoObject, GoValues.Stringer {

    @Override
    public String typeName() {
        return "*time.Duration";
    }

    @Override
    public Optional<GoFunction> method(String name) {
        Object result = switch (name) {
            case "String" -> goString();
            case "Seconds" -> nanos / 1e9;
            case "Minutes" -> nanos / 6e10;
            case "Hours" -> nanos / 3.6e12;
            case "Milliseconds" -> nanos / 1_000_000L;
            case "Microseconds" -> nanos / 1_000L;
            case "Nanoseconds" -> nanos;
            default -> null;
        };
        return Optional.ofNullable(result).map(value -> GoFunction.of(name, List.of(), args -> value));
    }

    /** Go's {@code Duration.String}: units down to seconds, or ms/µs/ns below a second. */
    @Override
    public String goString() {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        java.math.BigInteger magnitude = java.math.BigInteger.valueOf(nanos).abs();
        long u = magnitude.bitLength() < 64 ? magnitude.longValue() : Long.MIN_VALUE;
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
        return negative ? "-" + text : text;
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
        String text = String.format("%0" + digits + "d", fraction).replaceAll("0+$", "");
        return "." + text;
    }
}
