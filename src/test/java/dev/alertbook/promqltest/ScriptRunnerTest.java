package dev.alertbook.promqltest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.QueryResult;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.Value;
import dev.alertbook.promql.series.PointBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripts that are broken, or that stop on the way, never count as passing. */
class ScriptRunnerTest {

    @TempDir
    Path dir;

    private FileReport run(String script) throws IOException {
        Path file = dir.resolve("script.test");
        Files.writeString(file, script);
        return new Conformance(Duration.ofSeconds(10)).run(file);
    }

    private static List<String> outcomes(FileReport report) {
        return report.evals().stream().map(e -> e.line() + " " + e.status() + " " + e.reason()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expect fail regex:(           | 5: parse error: invalid regex ( for fail: missing closing )",
        "expect warn regex:a[          | 5: parse error: invalid regex a[ for warn: missing closing ]",
        "expected_fail_regexp *        | 5: parse error: invalid regexp '*' for expected_fail_regexp: missing argument to repetition operator",
    })
    void anInvalidExpectedRegexIsTheScriptsParseError(String expectation, String error) throws IOException {
        FileReport report = run("""
                load 1m
                  up 1

                eval_fail instant at 0m up
                  %s
                """.formatted(expectation));
        assertThat(report.error()).isEqualTo(error);
        assertThat(report.evals()).isEmpty();
        assertThat(Conformance.summarise(List.of(report)).errors()).isEqualTo(1);
    }

    @Test
    void aBadSeriesStopsTheScriptAndTheEvalsLeftFail() throws IOException {
        FileReport report = run("""
                load 1m
                  up 1

                eval instant at 0m up
                  up 1

                load 1m
                  down{job="a" 1

                eval instant at 0m up
                  up 1

                clear

                eval instant at 0m vector(1)
                  {} 1
                """);
        String error = "8: parse error: unexpected end of input";
        assertThat(report.error()).isEqualTo(error);
        assertThat(outcomes(report)).containsExactly("4 PASS ", "10 FAIL script stopped: " + error,
                "15 FAIL script stopped: " + error);
        Conformance.Summary summary = Conformance.summarise(List.of(report));
        assertThat(summary).isEqualTo(new Conformance.Summary(3, 1, 2, 0, 1));
        assertThat(summary.passPercent()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void anErrorOnTheWorkerFailsThatEvalAndTheScriptGoesOn() {
        List<Command> commands = ScriptParser.parse("""
                eval instant at 0m vector(1)
                  {} 1

                eval instant at 0m vector(2)
                  {} 2
                """, new PointBudget("the series of this script"));
        ScriptRunner.Query overflowsOnVector1 = (engine, eval, expr) -> {
            if (eval.query().equals("vector(1)")) {
                throw new StackOverflowError();
            }
            return ScriptRunner.ENGINE.run(engine, eval, expr);
        };
        try (ScriptRunner runner = new ScriptRunner(Duration.ofSeconds(10), new PointBudget("the series"), overflowsOnVector1)) {
            FileReport report = runner.run("script.test", commands);
            assertThat(report.error()).isNull();
            assertThat(outcomes(report)).containsExactly("1 FAIL engine crashed: java.lang.StackOverflowError", "4 PASS ");
        }
    }

    @Test
    void aRangeEvalWithAZeroStepFailsAsPrometheusDoes() throws IOException {
        FileReport report = run("""
                eval_fail range from 0 to 1m step 0s vector(1)
                  expect fail msg: zero or negative query resolution step widths are not accepted. Try a positive integer

                eval range from 0 to 1m step 0s vector(1)
                  {} 1 1
                """);
        assertThat(outcomes(report)).containsExactly("1 PASS ", "4 FAIL unexpected error: zero or negative query resolution step"
                + " widths are not accepted. Try a positive integer");
    }

    /** Histogram samples are loaded, computed with and compared as Prometheus's runner compares them. */
    @Test
    void histogramSamplesAreComparedLikePrometheus() throws IOException {
        FileReport report = run("""
                load 1m
                  up 1
                  h {{count:1 sum:2}}
                  mixed{type="float"} -1
                  mixed{type="histogram"} {{sum:1}}

                eval instant at 0m histogram_count(up)

                eval instant at 0m abs(mixed)
                  {type="float"} 1

                eval instant at 0m histogram_count(h)
                  {} 1

                eval instant at 0m mixed

                eval instant at 0m h
                  h {{count:1 sum:2}}

                eval instant at 0m h
                  h {{count:1 sum:2 counter_reset_hint:not_reset}}

                eval instant at 0m h
                  h 1
                """);
        assertThat(outcomes(report)).containsExactly("7 PASS ", "9 PASS ", "12 PASS ",
                "15 FAIL unexpected metric mixed{type=\"float\"} in result, has value -1.0; "
                        + "unexpected metric mixed{type=\"histogram\"} in result, has value {{sum:1}}",
                "17 PASS ",
                "20 FAIL expected {{count:1 sum:2 counter_reset_hint:not_reset}} for h{} but got {{count:1 sum:2}}",
                "23 FAIL expected float value 1.0 for h{} but got histogram {{count:1 sum:2}}");
    }

    /**
     * As Prometheus's runner does, an instant eval is run again as a range query around its time,
     * which must agree; an engine whose instant answer is right but whose range answer is not fails.
     */
    @Test
    void instantEvalsAreCheckedInRangeModeToo() {
        ScriptRunner.Query instantAlwaysTwo = (engine, eval, expr) -> eval.range() ? ScriptRunner.ENGINE.run(engine, eval, expr)
                : new QueryResult(new Value.Vector(List.of(new Sample(Labels.of("__name__", "x"), 2, false))), List.of(), List.of());
        List<Command> commands = ScriptParser.parse("""
                load 1m
                  x 0+1x5

                eval instant at 2m x
                  x 2

                eval instant at 3m x
                  x 2

                eval instant at 3m x
                  expect ordered
                  x 2

                eval instant at 3m x @ start()
                  x 2
                """, new PointBudget("the series"));
        try (ScriptRunner runner = new ScriptRunner(Duration.ofSeconds(10), new PointBudget("the series"), instantAlwaysTwo)) {
            assertThat(outcomes(runner.run("script.test", commands))).containsExactly("4 PASS ",
                    "7 FAIL in range mode: expected 2.0 for x{} but got 3.0", "10 PASS ", "14 PASS ");
        }
    }

    /**
     * As Prometheus's runner does, an instant eval is run again with {@code @} pinned on its
     * selectors at other evaluation times, and must give the same; queries that read the time are not.
     */
    @Test
    void instantEvalsAreCheckedWithAtPinnedToo() {
        ScriptRunner.Query pinningBreaks = (engine, eval, expr) -> eval.query().contains(" @ ")
                ? new QueryResult(new Value.Vector(List.of(new Sample(Labels.of("__name__", "x"), 3, false))), List.of(), List.of())
                : ScriptRunner.ENGINE.run(engine, eval, expr);
        List<Command> commands = ScriptParser.parse("""
                load 1m
                  x 0+1x5

                eval instant at 2m x
                  x 2

                eval instant at 2m x + time() * 0
                  {} 2

                eval range from 0 to 1m step 1m x
                  x 0 1
                """, new PointBudget("the series"));
        try (ScriptRunner runner = new ScriptRunner(Duration.ofSeconds(10), new PointBudget("the series"), pinningBreaks)) {
            assertThat(outcomes(runner.run("script.test", commands))).containsExactly(
                    "4 FAIL with @ pinned, x @ 120.000 at -1200000ms: expected 2.0 for x{} but got 3.0", "7 PASS ", "10 PASS ");
        }
    }

    @Test
    void theSummaryCountsBrokenScripts() throws IOException {
        FileReport broken = run("""
                eval_fail instant at 0m up
                  expect fail regex:(
                """);
        FileReport passing = run("""
                eval instant at 0m vector(1)
                  {} 1
                """);
        Path json = dir.resolve("out.json");
        ConformanceJson.write(List.of(broken, passing), json);
        assertThat(Files.readAllLines(json).get(1)).isEqualTo(
                "  \"summary\": {\"evals\": 1, \"passed\": 1, \"failed\": 0, \"skipped\": 0, \"errors\": 1, \"passPercent\": 100.00},");
    }
}
