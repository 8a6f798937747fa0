package dev.alertbook.promqltest;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.promql.engine.Engine;
import dev.alertbook.promql.engine.EngineOptions;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.QueryException;
import dev.alertbook.promql.engine.QueryResult;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.SeriesStore;
import dev.alertbook.promql.engine.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one script: loads data, evaluates each eval on a worker thread with a time limit (the
 * engine also stops itself at that limit), and records every outcome. Nothing an eval does can
 * stop the script: errors, crashes and timeouts become failures. Only a command the runner cannot
 * carry out, such as a series that does not parse, stops it.
 */
final class ScriptRunner implements AutoCloseable {

    /** Runs an eval's query on the engine; tests substitute one to make the worker fail as no query can on demand. */
    @FunctionalInterface
    interface Query {

        QueryResult run(Engine engine, Command.Eval eval, Expr expr);
    }

    static final Query ENGINE = (engine, eval, expr) -> eval.range()
            ? engine.range(expr, eval.query(), eval.start(), eval.end(), eval.step())
            : engine.instant(expr, eval.query(), eval.start());

    private final Duration evalTimeout;
    private final Query query;
    private final EngineOptions options;
    private final PointBudget points;
    private ExecutorService worker = newWorker();
    private SeriesStore store = new SeriesStore();
    /**
     * The native histograms that {@code load_with_nhcb} would make of classic buckets, held only so
     * that selectors can be checked against them: alertbook does not convert buckets.
     */
    private SeriesStore nhcb = new SeriesStore();
    private final Set<String> startTimestampMetrics = new HashSet<>();

    ScriptRunner(Duration evalTimeout, PointBudget points) {
        this(evalTimeout, points, ENGINE);
    }

    ScriptRunner(Duration evalTimeout, PointBudget points, Query query) {
        this.evalTimeout = evalTimeout;
        this.points = points;
        this.query = query;
        this.options = EngineOptions.DEFAULT.withTimeout(evalTimeout);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "promqltest-eval");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs the script {@code file}. A command that cannot run (a bad series, or the runner itself
     * failing) stops it: the outcomes so far are kept, and every eval that never ran is a failure,
     * so that a broken script cannot raise the pass figure.
     */
    FileReport run(String file, List<Command> commands) {
        List<EvalOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            try {
                run(command, outcomes);
            } catch (ScriptException e) {
                return stopped(file, outcomes, commands.subList(i, commands.size()), e.getMessage());
            } catch (RuntimeException | Error e) {
                return stopped(file, outcomes, commands.subList(i, commands.size()), command.line() + ": " + e);
            }
        }
        return new FileReport(file, outcomes, null);
    }

    private void run(Command command, List<EvalOutcome> outcomes) {
        if (command instanceof Command.Clear) {
            store = new SeriesStore();
            nhcb = new SeriesStore();
            startTimestampMetrics.clear();
        } else if (command instanceof Command.Load load) {
            load(load);
        } else {
            outcomes.add(eval((Command.Eval) command));
        }
    }

    private static FileReport stopped(String file, List<EvalOutcome> outcomes, List<Command> notRun, String error) {
        for (Command command : notRun) {
            if (command instanceof Command.Eval eval) {
                outcomes.add(EvalOutcome.fail(eval, "script stopped: " + error));
            }
        }
        return new FileReport(file, outcomes, error);
    }

    private void load(Command.Load load) {
        for (int k = 0; k < load.series().size(); k++) {
            try {
                load(load, load.series().get(k));
            } catch (IllegalArgumentException e) {
                throw new ScriptException(load.line() + 1 + k, e.getMessage());
            }
        }
    }

    private void load(Command.Load load, String text) {
        String metric = text.split("\\s+", 2)[0];
        if (metric.endsWith("@st")) {
            startTimestampMetrics.add(SeriesLine.parse(metric.substring(0, metric.length() - 3)).labels().metricName());
            return;
        }
        SeriesLine line = SeriesLine.parse(text, points);
        String name = line.labels().metricName();
        if (load.nhcb() && name.endsWith("_bucket")) {
            String histogram = name.substring(0, name.length() - "_bucket".length());
            nhcb.add(line.labels().without(List.of("le")).with(Labels.METRIC_NAME, histogram), 0, 0);
        }
        for (int k = 0; k < line.values().size(); k++) {
            FloatHistogram histogram = line.histograms().get(k);
            Double value = line.values().get(k);
            if (histogram != null) {
                store.add(line.labels(), k * load.intervalMillis(), histogram);
            } else if (value != null) {
                store.add(line.labels(), k * load.intervalMillis(), value);
            }
        }
    }

    private EvalOutcome eval(Command.Eval eval) {
        ParseResult parsed = PromQL.parse(eval.query(), ParseOptions.ALL);
        if (!parsed.isValid()) {
            return EvalOutcome.fail(eval, "parse error: " + parsed.errorText());
        }
        Expr expr = parsed.tree();
        Optional<String> skip = Features.skipReason(eval, expr, selector -> !nhcb.select(selector.matchers()).isEmpty(),
                startTimestampMetrics);
        if (skip.isPresent()) {
            return EvalOutcome.skip(eval, skip.get());
        }
        Engine engine = new Engine(store, options);
        Future<QueryResult> result = worker.submit(() -> query.run(engine, eval, expr));
        try {
            QueryResult value = result.get(evalTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (value.value() instanceof Value.Vector vector && vector.samples().stream().anyMatch(Sample::isHistogram)) {
                return EvalOutcome.skip(eval, "native histograms: the result holds histogram samples");
            }
            Optional<String> problem = ResultChecker.check(eval, value);
            return problem.map(p -> EvalOutcome.fail(eval, p)).orElseGet(() -> EvalOutcome.pass(eval));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QueryException error && error.histogramUse().isPresent()) {
                // The query reached histogram samples, which alertbook cannot compute with yet.
                return EvalOutcome.skip(eval, "native histograms: " + error.histogramUse().get());
            }
            if (e.getCause() instanceof QueryException error) {
                Optional<String> problem = ResultChecker.checkError(eval, error.getMessage());
                return problem.map(p -> EvalOutcome.fail(eval, p)).orElseGet(() -> EvalOutcome.pass(eval));
            }
            return EvalOutcome.fail(eval, "engine crashed: " + e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return EvalOutcome.fail(eval, "timed out after " + evalTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EvalOutcome.fail(eval, "interrupted");
        }
    }


    @Override
    public void close() {
        worker.shutdownNow();
    }
}
