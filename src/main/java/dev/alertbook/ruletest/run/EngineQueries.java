package dev.alertbook.ruletest.run;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.promql.engine.Engine;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.Value;
import dev.alertbook.template.QueryEngine;
import dev.alertbook.template.QuerySample;
import dev.alertbook.template.StringerValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Instant queries against a test's storage, for rules, {@code promql_expr_test} and the template
 * function {@code query}. As in Prometheus's rule evaluation, a scalar becomes one sample
 * without labels; a string or range vector is an error. (The engine's unchecked
 * {@code QueryException} is named in full: the interface's own {@code QueryException} shadows it.)
 */
final class EngineQueries implements QueryEngine {

    private final Engine engine;
    private final ParseOptions promql;

    EngineQueries(Engine engine, ParseOptions promql) {
        this.engine = engine;
        this.promql = promql;
    }

    /** The samples of {@code query} at {@code timeMillis}; the message of the exception is the engine's. */
    List<Sample> vector(String query, long timeMillis) {
        ParseResult parsed = PromQL.parse(query, promql);
        if (!parsed.isValid()) {
            throw new dev.alertbook.promql.engine.QueryException(parsed.errorText());
        }
        return vector(parsed.tree(), query, timeMillis);
    }

    List<Sample> vector(Expr expr, String query, long timeMillis) {
        Value value = engine.instant(expr, query, timeMillis).value();
        if (value instanceof Value.Vector vector) {
            return vector.samples();
        }
        if (value instanceof Value.Scalar scalar) {
            return List.of(new Sample(Labels.EMPTY, scalar.value(), false));
        }
        throw new dev.alertbook.promql.engine.QueryException("rule result is not a vector or scalar");
    }

    /** A histogram as templates see it: Go's {@code *histogram.FloatHistogram}, printed by its {@code String()}. */
    static StringerValue templateValue(FloatHistogram histogram) {
        return new StringerValue("*histogram.FloatHistogram", histogram.toString());
    }

    @Override
    public List<QuerySample> query(String expr, double time) throws QueryEngine.QueryException {
        try {
            List<QuerySample> out = new ArrayList<>();
            for (Sample s : vector(expr, Math.round(time * 1000))) {
                // As in Prometheus, a histogram sample's value is the histogram.
                out.add(new QuerySample(s.labels().toMap(), s.isHistogram() ? templateValue(s.histogram()) : s.value()));
            }
            return out;
        } catch (dev.alertbook.promql.engine.QueryException e) {
            throw new QueryEngine.QueryException(e.getMessage());
        }
    }
}
