package dev.alertbook.promql.engine;

import java.util.Optional;

/** A query that cannot be evaluated; the message is Prometheus's, since tests match it exactly. */
public final class QueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What needed native histograms, for the errors of {@link #nativeHistograms}; null otherwise. */
    private final String histogramUse;

    public QueryException(String message) {
        this(message, null);
    }

    private QueryException(String message, String histogramUse) {
        super(message);
        this.histogramUse = histogramUse;
    }

    /** The error for a computation over native histogram samples, which alertbook cannot do yet. */
    public static QueryException nativeHistograms(String what) {
        return new QueryException("native histograms are not supported by alertbook yet: " + what, what);
    }

    /** What needed native histograms, when that is why the query failed: a limit of alertbook, not of the query. */
    public Optional<String> histogramUse() {
        return Optional.ofNullable(histogramUse);
    }
}
