package dev.alertbook.highlight;

import dev.alertbook.promql.Lexeme;
import dev.alertbook.promql.Lexemes;

/**
 * PromQL highlighting from our own lexer, so it agrees with how the query is parsed. Functions
 * and aggregations link to their documentation; metric names are marked ({@code hl-m}) for the
 * site to link to their metric pages, which only it knows.
 */
final class PromqlHighlighter {

    static final String FUNCTIONS = "https://prometheus.io/docs/prometheus/latest/querying/functions/#";
    static final String AGGREGATIONS = "https://prometheus.io/docs/prometheus/latest/querying/operators/#aggregation-operators";

    private PromqlHighlighter() {
    }

    static String html(String query) {
        Html html = new Html();
        int at = 0;
        for (Lexeme lexeme : Lexemes.of(query)) {
            html.text(query.substring(at, lexeme.start()));
            String text = query.substring(lexeme.start(), lexeme.end());
            switch (lexeme.kind()) {
                case METRIC -> html.span("m", text);
                case LABEL -> html.span("l", text);
                case FUNCTION -> html.link("f", FUNCTIONS + text, text);
                case AGGREGATION -> html.link("f", AGGREGATIONS, text);
                case KEYWORD -> html.span("k", text);
                case OPERATOR -> html.span("o", text);
                case NUMBER, DURATION -> html.span("n", text);
                case STRING -> html.span("s", text);
                case COMMENT -> html.span("c", text);
                case PUNCTUATION, ERROR -> html.text(text);
            }
            at = lexeme.end();
        }
        return html.text(query.substring(at)).toString();
    }
}
