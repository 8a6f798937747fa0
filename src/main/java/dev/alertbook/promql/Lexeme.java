package dev.alertbook.promql;

/**
 * A classified piece of a PromQL query for display: what it is and where it stands
 * ({@code [start, end)} character offsets). Whitespace between lexemes is not listed.
 */
public record Lexeme(Kind kind, int start, int end) {

    public enum Kind {
        METRIC, LABEL, FUNCTION, AGGREGATION, KEYWORD, OPERATOR, NUMBER, DURATION, STRING, PUNCTUATION, COMMENT, ERROR
    }
}
