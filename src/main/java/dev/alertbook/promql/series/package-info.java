/**
 * The series notation of {@code load} lines and {@code input_series}
 * ({@code metric{l="v"} 0+1x10 _ stale {{schema:0 count:1}}}): expanding a line into points with
 * limits on how many, and native histogram literals. Both promqltest scripts and rule unit tests
 * read series through it.
 *
 * <p>May use {@code promql.engine}, {@code promql}, {@code golang} and {@code text}.
 */
package dev.alertbook.promql.series;
