package dev.alertbook.template;

import java.util.List;

/**
 * Runs the PromQL of a template's {@code query} call, on the series of a rule unit test. Checks
 * have no series, so there templates that call {@code query} are checked but not run.
 */
@FunctionalInterface
public interface QueryEngine {

    /**
     * The result of {@code expr} as an instant query at {@code time} (unix seconds): one sample per
     * series, or one sample without labels for a scalar.
     *
     * @throws QueryException with the engine's message, which the template reports as Go would
     */
    List<QuerySample> query(String expr, double time) throws QueryException;

    /** A query that failed; its message becomes the template's error. */
    final class QueryException extends Exception {
        private static final long serialVersionUID = 1L;

        public QueryException(String message) {
            super(message);
        }
    }
}
