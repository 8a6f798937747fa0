package dev.alertbook.promql.engine;

import dev.alertbook.promql.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The warnings and infos of one query, each once, with the position of the sub-expression it is
 * about in the {@code line:column} form Prometheus appends.
 */
final class Annotations {

    private final String query;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();

    Annotations(String query) {
        this.query = query;
    }

    void warn(String text, Span at) {
        warnings.add("PromQL warning: " + text + position(at));
    }

    void info(String text, Span at) {
        infos.add("PromQL info: " + text + position(at));
    }

    private String position(Span at) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(at.start(), query.length());
        for (int i = 0; i < end; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " (" + line + ":" + (at.start() - lineStart + 1) + ")";
    }

    QueryResult result(Value value) {
        return new QueryResult(value, new ArrayList<>(warnings), new ArrayList<>(infos));
    }
}
