package dev.alertbook.template;

import java.util.List;

/** What {@code query} returns, Prometheus's {@code template.queryResult} ({@code []*sample}). */
record QueryResult(List<QuerySample> samples) {

    static final String TYPE = "template.queryResult";
}
