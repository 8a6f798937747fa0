package dev.alertbook.promql.engine;

/** A query that cannot be evaluated; the message is Prometheus's, since tests match it exactly. */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryException(String message) {
        super(message);
    }

    /** The error for a computation over native histogram samples, which alertbook cannot do yet. */
    public static QueryException nativeHistograms(String what) {
        return new QueryException("native histograms are not supported by alertbook yet: " + what);
    }
}
