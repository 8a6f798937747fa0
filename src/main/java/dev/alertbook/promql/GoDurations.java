package dev.alertbook.promql;

/** Prometheus's {@code model.Duration.String()}: milliseconds precision, biggest units first. */
public final class GoDurations {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private GoDurations() {
    }

    public static String format(long nanos) {
        long ms = nanos / 1_000_000L;
        if (ms == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        // Years and weeks only when they divide evenly: 90d reads better than 12w6d.
        ms = unit(out, ms, "y", 365 * DAY, true);
        ms = unit(out, ms, "w", 7 * DAY, true);
        ms = unit(out, ms, "d", DAY, false);
        ms = unit(out, ms, "h", HOUR, false);
        ms = unit(out, ms, "m", MINUTE, false);
        ms = unit(out, ms, "s", SECOND, false);
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
}
