package dev.alertbook.template;

import dev.alertbook.golang.TimeFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A Go {@code *time.Time} in UTC, as {@code toTime} returns it. {@code Format} takes Go's reference
 * layouts ({@code 2006-01-02 15:04:05}); {@code String} is Go's default form
 * {@code 2015-06-23 13:19:44.128 +0000 UTC}.
 */
record GoTime(long seconds, int nanos) implements GoObject, GoValues.Stringer {

    /** A time from unix seconds and nanoseconds, normalising a negative fraction as Go does. */
    static GoTime of(long seconds, long nanos) {
        return new GoTime(seconds + Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    public String typeName() {
        return "*time.Time";
    }

    @Override
    public String goString() {
        return format(TimeFormat.DEFAULT);
    }

    private LocalDateTime local() {
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    @Override
    public Optional<GoFunction> method(String name) {
        if (name.equals("Format")) {
            return Optional.of(GoFunction.of(name, List.of(GoFunction.Param.STRING), args -> format((String) args.get(0))));
        }
        LocalDateTime t = local();
        Object result = switch (name) {
            case "String" -> goString();
            case "Unix" -> seconds;
            case "UnixMilli" -> seconds * 1000 + nanos / 1_000_000;
            case "UnixNano" -> seconds * 1_000_000_000L + nanos;
            case "Year" -> (long) t.getYear();
            case "YearDay" -> (long) t.getDayOfYear();
            case "Day" -> (long) t.getDayOfMonth();
            case "Hour" -> (long) t.getHour();
            case "Minute" -> (long) t.getMinute();
            case "Second" -> (long) t.getSecond();
            case "Nanosecond" -> (long) nanos;
            case "UTC", "Local" -> this;
            default -> null;
        };
        return Optional.ofNullable(result).map(value -> GoFunction.of(name, List.of(), args -> value));
    }

    /** Go's {@code Time.Format}. */
    String format(String layout) {
        return TimeFormat.format(seconds, nanos, layout);
    }
}
