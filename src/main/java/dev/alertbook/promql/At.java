package dev.alertbook.promql;

/** An {@code @} modifier: a timestamp in milliseconds, or {@code start()} / {@code end()}. */
public record At(Kind kind, long millis) {

    public enum Kind { TIMESTAMP, START, END }
}
