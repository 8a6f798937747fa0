package dev.alertbook.promqltest;

import dev.alertbook.promql.Expr;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.promql.engine.Engine;
import dev.alertbook.promql.engine.EngineOptions;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.QueryException;
import dev.alertbook.promql.engine.QueryResult;
import dev.alertbook.promql.engine.RangeSeries;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.SeriesStore;
import dev.alertbook.promql.engine.Value;
import dev.alertbook.promql.series.PointBudget;
import dev.alertbook.promql.series.SeriesLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final java.util.regex.Pattern QUERY_CONTEXT_FUNCTIONS = java.util.regex.Pattern.compile("(start|end|range|step)\\(\\)");

    private final Duration evalTimeout;
    private final Query query;
    private final EngineOptions options;
    private final PointBudget points;
    private ExecutorService worker = newWorker();
    private SeriesStore store = new SeriesStore();

    ScriptRunner(Duration evalTimeout, PointBudget points) {
        this(evalTimeout, points, ENGINE);
    }

    ScriptRunner(Duration evalTimeout, PointBudget points, Query query) {
        this.evalTimeout = evalTimeout;
        this.points = points;
        this.query = query;
        // Prometheus's test engine reads start timestamps.
        this.options = EngineOptions.DEFAULT.withTimeout(evalTimeout).withStartTimestamps();
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

    /**
     * Stores a load block's series: a start-timestamp line gives the start timestamps of the line
     * after it; {@code load_with_nhcb} adds the classic histograms converted to native ones.
     */
    private void load(Command.Load load) {
        ClassicConversion conversion = load.nhcb() ? new ClassicConversion() : null;
        StartTimestampLine starts = null;
        int startsLine = 0;
        for (int k = 0; k < load.series().size(); k++) {
            String text = load.series().get(k);
            int line = load.line() + 1 + k;
            try {
                if (StartTimestampLine.is(text)) {
                    if (starts != null) {
                        throw new ScriptException(startsLine, "@st line has no following sample line");
                    }
                    starts = StartTimestampLine.parse(text, points);
                    startsLine = line;
                    continue;
                }
                SeriesLine series = SeriesLine.parse(text, points);
                if (starts != null) {
                    if (!starts.metric().labels().equals(series.labels())) {
                        throw new ScriptException(startsLine, "@st metric does not match the following sample line metric");
                    }
                    if (starts.offsets().size() != series.values().size()) {
                        throw new ScriptException(startsLine, "@st line has " + starts.offsets().size()
                                + " values but sample line has " + series.values().size());
                    }
                }
                store(series, starts, load.intervalMillis(), conversion, line);
                starts = null;
            } catch (IllegalArgumentException e) {
                throw new ScriptException(line, e.getMessage());
            }
        }
        if (starts != null) {
            throw new ScriptException(startsLine, "@st line has no following sample line");
        }
        if (conversion != null) {
            try {
                conversion.forEach((labels, time, histogram) -> store.add(labels, time, valid(histogram)));
            } catch (IllegalArgumentException e) {
                throw new ScriptException(load.line(), "error converting classic histograms: " + e.getMessage());
            }
        }
    }

    private void store(SeriesLine series, StartTimestampLine starts, long interval, ClassicConversion conversion, int line) {
        List<Long> floatTimes = new ArrayList<>();
        List<Double> floatValues = new ArrayList<>();
        for (int k = 0; k < series.values().size(); k++) {
            long time = k * interval;
            Long offset = starts == null ? null : starts.offsets().get(k);
            long start = offset == null ? 0 : time + offset;
            FloatHistogram histogram = series.histograms().get(k);
            Double value = series.values().get(k);
            if (histogram != null) {
                store.add(series.labels(), time, valid(histogram), start);
            } else if (value != null) {
                store.add(series.labels(), time, value, start);
                floatTimes.add(time);
                floatValues.add(value);
            }
        }
        if (conversion != null) {
            conversion.add(series.labels(), floatTimes.stream().mapToLong(Long::longValue).toArray(),
                    floatValues.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Prometheus's storage refuses a histogram that is not valid, and so the load fails. */
    private static FloatHistogram valid(FloatHistogram histogram) {
        String problem = histogram.validationError();
        if (problem != null) {
            throw new IllegalArgumentException("invalid histogram " + histogram.testExpression() + ": " + problem);
        }
        return histogram;
    }

    /**
     * Runs an eval as Prometheus's runner does: the query as written; then, for an instant
     * query, the same query with {@code @} pinned on its selectors at other evaluation times.
     * Each must meet the expectations, and an instant one again in range mode.
     */
    private EvalOutcome eval(Command.Eval eval) {
        ParseResult parsed = PromQL.parse(eval.query(), ParseOptions.ALL);
        if (!parsed.isValid()) {
            return EvalOutcome.fail(eval, "parse error: " + parsed.errorText());
        }
        Expr expr = parsed.tree();
        Engine engine = new Engine(store, options);
        try {
            Optional<String> problem = runCase(eval, expr, engine);
            if (problem.isEmpty() && !eval.range()) {
                problem = pinnedCases(eval, expr, engine);
            }
            return problem.map(p -> EvalOutcome.fail(eval, p)).orElseGet(() -> EvalOutcome.pass(eval));
        } catch (TimeoutException e) {
            worker.shutdownNow();
            worker = newWorker();
            return EvalOutcome.fail(eval, "timed out after " + evalTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EvalOutcome.fail(eval, "interrupted");
        }
    }

    private Optional<String> pinnedCases(Command.Eval eval, Expr expr, Engine engine) throws TimeoutException,
            InterruptedException {
        Optional<String> pinned = AtPinning.pinned(expr, eval.start());
        if (pinned.isEmpty()) {
            return Optional.empty();
        }
        ParseResult reparsed = PromQL.parse(pinned.get(), ParseOptions.ALL);
        if (!reparsed.isValid()) {
            return Optional.of("the query with @ pinned, " + pinned.get() + ", does not parse: " + reparsed.errorText());
        }
        for (long time : AtPinning.evaluationTimes(eval.start())) {
            Command.Eval pinnedEval = new Command.Eval(eval.line(), eval.header(), pinned.get(), false, time, time, 0, eval.expect());
            Optional<String> problem = runCase(pinnedEval, reparsed.tree(), engine);
            if (problem.isPresent()) {
                return Optional.of("with @ pinned, " + pinned.get() + " at " + time + "ms: " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** One query of an eval, its result checked, and an instant one also in range mode. */
    private Optional<String> runCase(Command.Eval eval, Expr expr, Engine engine) throws TimeoutException, InterruptedException {
        Future<QueryResult> result = worker.submit(() -> query.run(engine, eval, expr));
        try {
            QueryResult value = result.get(evalTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            Optional<String> problem = ResultChecker.check(eval, value);
            if (problem.isEmpty() && checksRangeMode(eval)) {
                problem = rangeMode(eval, expr, engine, value.value());
            }
            return problem;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QueryException error) {
                return ResultChecker.checkError(eval, error.getMessage());
            }
            return Optional.of("engine crashed: " + e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            throw e;
        }
    }

    /**
     * Whether promqltest runs the instant query again as a range query: not for failures,
     * ordered results, range vectors, strings, nor queries whose value depends on the query's
     * range ({@code start()}, {@code end()}, {@code range()}, {@code step()}).
     */
    private static boolean checksRangeMode(Command.Eval eval) {
        Expectations expect = eval.expect();
        return !eval.range() && expect.fail == null && !expect.ordered && expect.rangeVector == null && expect.string == null
                && !QUERY_CONTEXT_FUNCTIONS.matcher(eval.query()).find();
    }

    /**
     * The range-mode check of Prometheus's runner: the query from a minute before to a minute
     * after the eval time, step one minute, must give the same result at the eval time.
     */
    private Optional<String> rangeMode(Command.Eval eval, Expr expr, Engine engine, Value instant) throws InterruptedException,
            ExecutionException, TimeoutException {
        long t = eval.start();
        Future<QueryResult> range = worker.submit(() -> engine.range(expr, eval.query(), t - 60_000, t + 60_000, 60_000));
        QueryResult result;
        try {
            result = range.get(evalTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return Optional.of("in range mode: " + (e.getCause() instanceof QueryException error ? error.getMessage() : e.getCause()));
        }
        List<Sample> atT = new ArrayList<>();
        for (RangeSeries s : ((Value.Matrix) result.value()).series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.time(i) == t) {
                    atT.add(new Sample(s.labels(), s.value(i), false));
                }
            }
            for (int i = 0; i < s.histogramCount(); i++) {
                if (s.histogramTime(i) == t) {
                    atT.add(new Sample(s.labels(), 0, false, s.histogram(i)));
                }
            }
        }
        Value value = new Value.Vector(atT);
        if (instant instanceof Value.Scalar) {
            value = new Value.Scalar(atT.isEmpty() ? Double.NaN : atT.get(0).value());
        }
        return ResultChecker.compare(eval, value).map(problem -> "in range mode: " + problem);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
