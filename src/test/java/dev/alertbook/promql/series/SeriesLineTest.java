package dev.alertbook.promql.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.StaleMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The series notation with native histogram literals, against the cases of Prometheus's parser tests. */
class SeriesLineTest {

    private static List<String> expressions(String values) {
        return SeriesLine.parse("{} " + values).histograms().stream()
                .map(h -> h == null ? "_" : h.testExpression()).toList();
    }

    @Test
    void readsEveryKeyInAnyOrderAndCase() {
        FloatHistogram h = SeriesLine.parse("{} {{schema:1 SUM:-0.3 count:3.1 z_bucket:7.1 z_bucket_w:0.05 buckets:[5.1 10 7]"
                + " offset:-3 n_buckets:[4.1 5] n_offset:5 counter_reset_hint:GAUGE}}").histograms().get(0);
        assertThat(h.schema()).isEqualTo(1);
        assertThat(h.sum()).isEqualTo(-0.3);
        assertThat(h.count()).isEqualTo(3.1);
        assertThat(h.zeroCount()).isEqualTo(7.1);
        assertThat(h.zeroThreshold()).isEqualTo(0.05);
        assertThat(h.positive()).isEqualTo(FloatHistogram.Buckets.run(-3, 5.1, 10.0, 7.0));
        assertThat(h.negative()).isEqualTo(FloatHistogram.Buckets.run(5, 4.1, 5.0));
        assertThat(h.counterResetHint()).isEqualTo(FloatHistogram.CounterResetHint.GAUGE);
    }

    @Test
    void emptyLiteralsAndExtraSpacesAreAccepted() {
        assertThat(expressions("{{}} {{ }} {{sum:1  count:2 buckets:[5 10  7  ]  }}"))
                .containsExactly("{{}}", "{{}}", "{{count:2 sum:1 buckets:[5 10 7]}}");
    }

    @Test
    void histogramsMixWithFloatsOmissionsAndStaleMarkers() {
        SeriesLine line = SeriesLine.parse("m{a=\"b\"} 1 {{sum:2}} _ stale {{sum:3}}x1");
        assertThat(line.labels()).isEqualTo(Labels.of("__name__", "m", "a", "b"));
        assertThat(line.values().stream().map(v -> v == null ? "-" : StaleMarker.is(v) ? "stale" : v.toString()))
                .containsExactly("1.0", "-", "-", "stale", "-", "-");
        assertThat(line.histograms().stream().map(h -> h == null ? "" : h.testExpression()))
                .containsExactly("", "{{sum:2}}", "", "", "{{sum:3}}", "{{sum:3}}");
        assertThat(line.histogram()).isTrue();
        assertThat(SeriesLine.parse("m 1 2").histogram()).isFalse();
    }

    /**
     * {@code xN} repeats, {@code +}/{@code -} add bucket by bucket (a finer increment is reduced to
     * the current schema first), and the counter reset hints combine as Prometheus's Add combines
     * them. The expected points are separated by {@code ;}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{buckets:[5 10 7] schema:1}}x2 | {{schema:1 buckets:[5 10 7]}};{{schema:1 buckets:[5 10 7]}};{{schema:1 buckets:[5 10 7]}}",
        "{{sum:1}}x0 | {{sum:1}}",
        "{{sum:3 count:2 buckets:[2]}}+{{sum:1.3 count:1 buckets:[1]}}x2"
                + " | {{count:2 sum:3 buckets:[2]}};{{count:3 sum:4.3 buckets:[3]}};{{count:4 sum:5.6 buckets:[4]}}",
        "{{buckets:[5 10 7] schema:1}}-{{buckets:[1 2 3] schema:1}}x2"
                + " | {{schema:1 buckets:[5 10 7]}};{{schema:1 buckets:[4 8 4]}};{{schema:1 buckets:[3 6 1]}}",
        "{{buckets:[1] offset:-1}}+{{buckets:[1] offset:2 n_buckets:[2]}}x1"
                + " | {{offset:-1 buckets:[1]}};{{offset:-1 buckets:[1 0 0 1] n_buckets:[2]}}",
        "{{buckets:[5] schema:0}}+{{buckets:[1 2] schema:1}}x2 | {{buckets:[5]}};{{buckets:[6 2]}};{{buckets:[7 4]}}",
        "{{schema:-1 buckets:[1] offset:1}}+{{schema:1 buckets:[1 1 1 1] offset:2}}x1"
                + " | {{schema:-1 offset:1 buckets:[1]}};{{schema:-1 offset:1 buckets:[4 1]}}",
        "{{counter_reset_hint:gauge}}+{{counter_reset_hint:reset}}x1 | {{counter_reset_hint:gauge}};{{counter_reset_hint:gauge}}",
        "{{counter_reset_hint:not_reset}}+{{counter_reset_hint:reset}}x1 | {{counter_reset_hint:not_reset}};{{}}",
        "{{schema:-53 count:1 custom_values:[5 10] buckets:[1]}}+{{schema:-53 count:1 custom_values:[5 10] buckets:[0 1]}}x1"
                + " | {{schema:-53 count:1 custom_values:[5 10] buckets:[1]}};{{schema:-53 count:2 custom_values:[5 10] buckets:[1 1]}}",
    })
    void expandsAsPromqltestDoes(String values, String points) {
        assertThat(expressions(values)).containsExactly(points.split(";"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{schema:1 schema:1}}                       | duplicate key \"schema\" in histogram",
        "{{sum:1 Sum:2}}                             | duplicate key \"sum\" in histogram",
        "{{foo:1}}                                   | bad histogram descriptor found: \"foo\"",
        "{{schema :1}}                               | missing `:` for histogram descriptor",
        "{{schema: 1}}                               | unexpected \" \" in series values",
        "{{buckets:[ 1]}}                            | unexpected \" \" in series values",
        "{{ schema:1}}                               | unexpected \" \" in series values",
        "{{counter_reset_hint:foo}}                  | bad histogram descriptor found: \"foo\"",
        "{{schema:1.5}}                              | schema must be an integer in histogram description, got \"1.5\"",
        "{{sum:.5}}                                  | bad number syntax for sum in histogram description: \".5\"",
        "{{z_bucket_w:-1}}                           | bad number syntax for z_bucket_w in histogram description: \"-1\"",
        "{{buckets:[]}}                              | empty buckets:[] in histogram description",
        "{{buckets:[1 +2]}}                          | bad number syntax for buckets in histogram description: \"+2\"",
        "{{sum:1                                     | histogram description incomplete, no }} after \"{{sum:1\"",
        "{{sum:1}}+{{sum:1}}                         | missing repetitions, xN, after \"{{sum:1}}+{{sum:1}}\"",
        "{{sum:1}}5                                  | unexpected \"5\" after histogram description in series values",
        "{{buckets:[1 2] schema:1}}+{{buckets:[1] schema:0}}x2 | error combining histograms: cannot merge from schema 0 to 1",
        "{{schema:-53 custom_values:[1]}}+{{count:1}}x1 | cannot apply this operation on histograms with a mix of exponential and custom bucket schemas",
    })
    void badLiteralsAreParseErrors(String values, String message) {
        assertThatThrownBy(() -> SeriesLine.parse("{} " + values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    /** The wider zero bucket wins; custom bounds are cut to those both histograms share, as Prometheus adds them. */
    @Test
    void incrementsWithOtherZeroBucketsOrBoundsCombineAsInPrometheus() {
        assertThat(expressions("{{z_bucket_w:1 z_bucket:1 buckets:[1] offset:1}}+{{z_bucket_w:2 z_bucket:1}}x1"))
                .containsExactly("{{z_bucket:1 z_bucket_w:1 offset:1 buckets:[1]}}", "{{z_bucket:3 z_bucket_w:2}}");
        assertThat(expressions("{{schema:-53 custom_values:[1 2] buckets:[1 2 3]}}+{{schema:-53 custom_values:[2] buckets:[1 1]}}x1"))
                .containsExactly("{{schema:-53 custom_values:[1 2] buckets:[1 2 3]}}",
                        "{{schema:-53 custom_values:[2] buckets:[4 4]}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{schema:9}}  | histogram schema 9 is outside Prometheus's limits: -4 to 8 for exponential buckets, or -53 for custom buckets",
        "{{schema:-5}} | histogram schema -5 is outside Prometheus's limits: -4 to 8 for exponential buckets, or -53 for custom buckets",
        "{{offset:2147483647 buckets:[1 1]}} | offset:2147483647 puts the buckets past the largest bucket index",
    })
    void schemasAndBucketIndexesAreBounded(String values, String message) {
        assertThatThrownBy(() -> SeriesLine.parse("{} " + values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aLiteralMayNotListMoreThanTenThousandBuckets() {
        String many = "1 ".repeat(HistogramLiteral.MAX_BUCKETS + 1).strip();
        assertThatThrownBy(() -> SeriesLine.parse("{} {{buckets:[" + many + "]}}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buckets lists more than 10000 values; a histogram literal may not have more");
        assertThat(SeriesLine.parse("{} {{buckets:[" + "1 ".repeat(HistogramLiteral.MAX_BUCKETS).strip() + "]}}")
                .histograms().get(0).positive().size()).isEqualTo(HistogramLiteral.MAX_BUCKETS);
    }

    /** Histograms, the wider the more, count against the points a script may load, so their expansion stays bounded too. */
    @Test
    void histogramsSpendMoreOfTheBudget() {
        String wide = "{{buckets:[" + "1 ".repeat(800).strip() + "]}}";
        assertThatThrownBy(() -> SeriesLine.parse("w " + wide + "x200000", new PointBudget("these lines")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("these lines expand to more than 20000000 points in total; load fewer or shorter series");
        assertThat(SeriesLine.parse("w " + wide + "x1000", new PointBudget("a line")).histograms()).hasSize(1001);
        assertThatThrownBy(() -> SeriesLine.parse("n {{sum:1}}+{{sum:1}}x9999999", new PointBudget("these lines")))
                .hasMessage("these lines expand to more than 20000000 points in total; load fewer or shorter series");
        assertThat(SeriesLine.parse("n {{sum:1}}+{{sum:1}}x2000000", new PointBudget("a line")).histograms()).hasSize(2_000_001);
    }

    @Test
    void aStatedCounterResetHintIsRemembered() {
        SeriesLine line = SeriesLine.parse("m {{sum:1}} {{sum:1 counter_reset_hint:unknown}} 1 {{sum:1}}+{{counter_reset_hint:gauge}}x1");
        assertThat(line.hintsStated()).containsExactly(false, true, false, true, true);
    }

    @Test
    void floatsKeepTheirNotation() {
        SeriesLine line = SeriesLine.parse("m 1+2x2 _x2 -1-1x1 010 stale");
        assertThat(line.values()).hasSize(9).containsSequence(1.0, 3.0, 5.0, null, null, -1.0, -2.0, 8.0);
        assertThat(line.histograms()).hasSize(9).allMatch(Objects::isNull);
        assertThatThrownBy(() -> SeriesLine.parse("m 1m")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0+1x300000000",
        "{{sum:1}}x300000000",
        "{{sum:1}}+{{sum:1}}x300000000",
        "_x10000000 _",
        "1x18446744073709551615",
    })
    void aLineMayNotExpandPastTenMillionPoints(String values) {
        assertThatThrownBy(() -> SeriesLine.parse("x " + values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series expands to more than 10000000 points; use fewer repetitions (xN)");
        assertThat(SeriesLine.parse("x _x9999999 _").values()).hasSize(10_000_000).containsOnlyNulls();
    }

    @Test
    void theLinesOfAScriptShareOneBudget() {
        PointBudget budget = new PointBudget("these lines");
        SeriesLine.parse("a _x10000000", budget);
        SeriesLine.parse("b _x9999999 1", budget);
        assertThatThrownBy(() -> SeriesLine.parse("c 1", budget)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("these lines expand to more than 20000000 points in total; load fewer or shorter series");
    }

    @Test
    void thePointListsAreReadOnly() {
        SeriesLine line = SeriesLine.parse("m _x2 1 {{sum:1}}");
        assertThat(line.values()).containsExactly(null, null, 1.0, null);
        assertThat(line.histograms()).hasSize(4).element(3).isNotNull();
        assertThatThrownBy(() -> line.values().get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> line.values().set(0, 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(line).isEqualTo(SeriesLine.parse("m _ _ 1 {{sum:1}}"));
    }

    /** Prometheus's own scripts load and expect hundreds of histograms: every one must read. */
    @Test
    void everyHistogramLineOfThePromqltestCorpusParses() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(Path.of("..", "shared", "corpus", "promqltest"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".test")).toList()) {
                Files.readAllLines(script).stream().map(String::strip)
                        .filter(l -> l.contains("{{") && !l.startsWith("#") && !l.startsWith("eval") && !l.startsWith("expect"))
                        .forEach(lines::add);
            }
        }
        assertThat(lines).hasSizeGreaterThan(500);
        assertThat(lines).allSatisfy(line -> assertThat(SeriesLine.parse(line).histogram()).as(line).isTrue());
    }
}
