package dev.alertbook.promql;

/** Where a node stands in the query text: character offsets, start inclusive, end exclusive. */
public record Span(int start, int end) {

    /** The span of nodes built without source text, and of every node after {@link Ast#withoutSpans}. */
    public static final Span NONE = new Span(0, 0);

    public Span to(Span other) {
        return new Span(start, other.end);
    }
}
