package dev.alertbook.promql.engine;

/** A query that cannot be evaluated; the message is Prometheus's, since tests match it exactly. */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }
}
