package dev.alertbook.ruletest;

import dev.alertbook.promql.series.SeriesLine;

/** One {@code input_series} item, expanded: point k lies at {@code start + k * interval}. */
public record InputSeries(SeriesLine line, String seriesText, String valuesText) {
}
