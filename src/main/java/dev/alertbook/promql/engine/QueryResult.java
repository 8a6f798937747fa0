package dev.alertbook.promql.engine;

import java.util.List;

/** A query's value with the warnings and infos raised on the way, each as Prometheus prints it. */
public record QueryResult(Value value, List<String> warnings, List<String> infos) {

    public QueryResult {
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }
}
