package dev.alertbook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alertbook.promql.series.SeriesLine;
import dev.alertbook.ruletest.AlertTest;
import dev.alertbook.ruletest.InputSeries;
import dev.alertbook.ruletest.TestGroup;
import dev.alertbook.ruletest.run.AlertWindow;
import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The SVG of a test group: what is drawn where, and what is left out to keep pages small. */
class TestChartTest {

    private static final AlertTest FIRES_AT_5M = new AlertTest(300_000, "Down",
            List.of(new AlertTest.ExpectedAlert(Map.of("alertname", "Down"), Map.of())), Position.START);

    private static InputSeries series(String series, String values) {
        return new InputSeries(SeriesLine.parse(series + " " + values), series, values);
    }

    private static TestGroup group(long interval, List<InputSeries> input, List<AlertTest> checks) {
        return new TestGroup(Optional.of("g"), 0, Position.START, interval, 0, Map.of(), "", input, checks, List.of());
    }

    private static Document svg(TestChart chart) {
        return Jsoup.parse(chart.svg(), "", Parser.xmlParser());
    }

    @Test
    void drawsTheAlertsMetricsItsWindowsAndItsChecks() {
        TestGroup group = group(60_000, List.of(series("up{job=\"db\"}", "1 1 0x3"), series("other", "5x5")),
                List.of(FIRES_AT_5M));
        List<AlertWindow> windows = List.of(new AlertWindow("Down", false, 120_000, 240_000),
                new AlertWindow("Down", true, 240_000, 360_000), new AlertWindow("Other", true, 0, 360_000));

        TestChart chart = TestChart.of(group, "Down", windows, Set.of("up"));

        assertThat(chart.series()).containsExactly("up{job=\"db\"}");
        assertThat(chart.hidden()).isEqualTo(1);
        Document svg = svg(chart);
        assertThat(svg.select("rect.chart-pending").attr("x")).isEqualTo("270");
        assertThat(svg.select("rect.chart-firing title").text()).isEqualTo("firing from 4m");
        assertThat(svg.select("rect")).as("windows of other alerts are not drawn").hasSize(2);
        assertThat(svg.select("path.chart-s0").attr("d")).as("1 1 0 0 0 0 over 5m as steps, flat runs reduced to their ends")
                .isEqualTo("M56 8L270 8L270 136L592 136");
        assertThat(svg.select("line.chart-check title").text()).isEqualTo("check at 5m: expected firing");
        assertThat(svg.select("text.chart-label").eachText()).containsExactly("1", "0", "0s", "1m", "2m", "3m", "4m", "5m");
    }

    @Test
    void omittedPointsAndStaleMarkersBreakTheLine() {
        TestChart chart = TestChart.of(group(60_000, List.of(series("x", "1 2 _ 4 stale 6")), List.of(FIRES_AT_5M)), "Down",
                List.of(), Set.of("x"));

        assertThat(svg(chart).select("path.chart-s0").attr("d")).isEqualTo("M56 136L163 136L163 110M378 59h1M592 8h1");
    }

    @Test
    void aLongSeriesKeepsOnlyWhatAPixelColumnShows() {
        TestChart chart = TestChart.of(group(1_000, List.of(series("x", "0+1x20000")), List.of(
                new AlertTest(20_000_000, "Down", List.of(), Position.START))), "Down", List.of(), Set.of("x"));

        String path = svg(chart).select("path.chart-s0").attr("d");
        Matcher points = Pattern.compile("[ML]").matcher(path);
        int count = 0;
        while (points.find()) {
            count++;
        }
        assertThat(count).as("at most four points per pixel column of the 536 px plot").isLessThanOrEqualTo(4 * 537);
        assertThat(path).startsWith("M56 136").endsWith("592 8");
    }

    @Test
    void withoutTheAlertsMetricsEverySeriesIsDrawnUpToTheLimit() {
        List<InputSeries> input = List.of(series("a", "1"), series("b", "2"), series("c", "3"), series("d", "4"),
                series("e", "5"));

        TestChart chart = TestChart.of(group(60_000, input, List.of()), "Down", List.of(), Set.of("job:a:rate5m"));

        assertThat(chart.series()).containsExactly("a", "b", "c", "d");
        assertThat(chart.hidden()).isEqualTo(1);
    }

    @Test
    void numbersOnTheAxisAreShortAndExact() {
        assertThat(TestChart.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(TestChart.number(123456.7)).isEqualTo("123500");
        assertThat(TestChart.number(-2.5e-7)).isEqualTo("-2.500e-07");
        assertThat(TestChart.number(0)).isEqualTo("0");
    }
}
