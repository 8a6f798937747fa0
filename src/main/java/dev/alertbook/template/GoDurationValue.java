package dev.alertbook.template;

import dev.alertbook.golang.Durations;
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
        return Durations.formatGo(nanos);
    }
}
