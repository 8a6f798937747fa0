package dev.alertbook.promql;

import dev.alertbook.golang.Quoting;

/** One lexed token: its kind, its byte-free character offset in the query and its text. */
record Token(TokenType type, int pos, String text) {

    int end() {
        return pos + text.length();
    }

    /**
     * How Prometheus names the token in "unexpected …" errors: {@code end of input},
     * {@code <op:+>}, {@code <aggr:sum>}, {@code <by>}, {@code "("} or {@code identifier "x"}.
     */
    String describe() {
        return switch (type.group) {
            case END -> type.text;
            case OPERATOR -> "<op:" + text + ">";
            case AGGREGATOR -> "<aggr:" + text + ">";
            case KEYWORD -> "<" + text + ">";
            case PUNCTUATION, PREPROCESSOR -> Quoting.quote(text);
            case LITERAL -> type.text + " " + shortQuote();
        };
    }

    /** Go's {@code %q}, or {@code %.10q...} for text longer than ten bytes. */
    private String shortQuote() {
        if (type == TokenType.IDENTIFIER || type == TokenType.METRIC_IDENTIFIER || text.length() <= 10) {
            return Quoting.quote(text);
        }
        return Quoting.quote(text.substring(0, text.offsetByCodePoints(0, Math.min(10, text.codePointCount(0, text.length()))))) + "...";
    }
}
