package dev.alertbook.promqltest;

import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.engine.Comparison;
import dev.alertbook.promql.engine.FloatHistogram;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.QueryResult;
import dev.alertbook.promql.engine.RangeSeries;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.Value;
import dev.alertbook.promql.series.SeriesLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Compares a query's outcome with an eval's expectations; the answer is why it differs, if it does. */
final class ResultChecker {

    private static final double EPSILON = 1e-6;

    private ResultChecker() {
    }

    static Optional<String> checkError(Command.Eval eval, String error) {
        Expectations.Expect fail = eval.expect().fail;
        if (fail == null) {
            return Optional.of("unexpected error: " + error);
        }
        if (fail.msg() != null && !fail.msg().equals(error)) {
            return Optional.of("expected error " + Quoting.quote(fail.msg()) + " but got " + Quoting.quote(error));
        }
        if (fail.regex() != null && !fail.regex().matcher(error).find()) {
            return Optional.of("expected error matching " + Quoting.quote(fail.regex().pattern()) + " but got " + Quoting.quote(error));
        }
        return Optional.empty();
    }

    static Optional<String> check(Command.Eval eval, QueryResult result) {
        Expectations expect = eval.expect();
        if (expect.fail != null) {
            return Optional.of("expected error evaluating query but got none");
        }
        Optional<String> annotations = annotations("warn", expect.warn, expect.anyWarn, expect.noWarn, result.warnings());
        if (annotations.isEmpty()) {
            annotations = annotations("info", expect.info, expect.anyInfo, expect.noInfo, result.infos());
        }
        if (annotations.isPresent()) {
            return annotations;
        }
        return compare(eval, result.value());
    }

    /** Compares a result's value alone, as promqltest does again for the instant query run as a range query. */
    static Optional<String> compare(Command.Eval eval, Value value) {
        Expectations expect = eval.expect();
        if (value instanceof Value.Scalar scalar) {
            if (expect.scalar == null) {
                return Optional.of("expected " + describeExpected(expect) + " but got scalar " + scalar.value());
            }
            return Comparison.almostEqual(expect.scalar, scalar.value(), EPSILON) ? Optional.empty()
                    : Optional.of("expected scalar " + expect.scalar + " but got " + scalar.value());
        }
        if (value instanceof Value.Text text) {
            return text.value().equals(expect.string) ? Optional.empty()
                    : Optional.of("expected string " + expect.string + " but got " + Quoting.quote(text.value()));
        }
        if (expect.scalar != null || expect.string != null) {
            return Optional.of("expected " + describeExpected(expect) + " but got a " + (value instanceof Value.Vector ? "vector" : "matrix"));
        }
        if (value instanceof Value.Vector vector) {
            return vector(expect, vector.samples());
        }
        List<RangeSeries> matrix = ((Value.Matrix) value).series();
        if (eval.range()) {
            if (expect.ordered) {
                return Optional.of("expected ordered result, but query returned a matrix");
            }
            return matrix(expect.series, matrix, eval.start(), eval.step(), eval.end());
        }
        if (expect.rangeVector == null) {
            return Optional.of("expected a vector but got a range vector");
        }
        return matrix(expect.series, matrix, expect.rangeVector[0], expect.rangeVector[2], expect.rangeVector[1]);
    }

    private static String describeExpected(Expectations expect) {
        return expect.scalar != null ? "scalar " + expect.scalar : expect.string != null ? "string" : "a vector";
    }

    private static Optional<String> annotations(String kind, List<Expectations.Expect> expected, boolean any, boolean none,
            List<String> actual) {
        if (none && !actual.isEmpty()) {
            return Optional.of("expected no " + kind + " annotations but got " + actual);
        }
        if (any && actual.isEmpty()) {
            return Optional.of("expected a " + kind + " annotation but got none");
        }
        for (Expectations.Expect e : expected) {
            if (actual.stream().noneMatch(a -> matches(e, a))) {
                return Optional.of("expected " + kind + " annotation " + describe(e) + " but got " + actual);
            }
        }
        if (!expected.isEmpty()) {
            for (String a : actual) {
                if (expected.stream().noneMatch(e -> matches(e, a))) {
                    return Optional.of("unexpected " + kind + " annotation " + Quoting.quote(a));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Expectations.Expect e, String annotation) {
        if (e.msg() != null) {
            return e.msg().equals(annotation);
        }
        return e.regex() == null || e.regex().matcher(annotation).find();
    }

    private static String describe(Expectations.Expect e) {
        return e.msg() != null ? Quoting.quote(e.msg()) : e.regex() != null ? "matching " + Quoting.quote(e.regex().pattern()) : "(any)";
    }

    private static Optional<String> vector(Expectations expect, List<Sample> samples) {
        Map<Labels, Integer> positions = new HashMap<>();
        for (int i = 0; i < expect.series.size(); i++) {
            positions.put(expect.series.get(i).labels(), i);
        }
        List<String> problems = new ArrayList<>();
        Set<Labels> seen = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Integer at = positions.get(s.labels());
            if (at == null) {
                problems.add("unexpected metric " + s.labels() + " in result, has value " + describe(s));
                continue;
            }
            seen.add(s.labels());
            SeriesLine line = expect.series.get(at);
            if (line.values().size() != 1) {
                problems.add("expecting multiple values in instant evaluation not allowed, for " + line.labels());
                continue;
            }
            FloatHistogram want = line.histograms().get(0);
            Double wantValue = line.values().get(0);
            if (want == null && wantValue == null) {
                problems.add("expected a value for " + line.labels() + ", got _");
            } else if (want == null && s.isHistogram()) {
                problems.add("expected float value " + wantValue + " for " + s.labels() + " but got histogram " + describe(s));
            } else if (want != null && !s.isHistogram()) {
                problems.add("expected histogram " + want.testExpression() + " for " + s.labels() + " but got float value "
                        + s.value());
            } else if (want != null && !sameHistogram(want, s.histogram(), line.hintsStated().get(0))) {
                problems.add("expected " + want.testExpression() + " for " + s.labels() + " but got " + describe(s));
            } else if (want == null && !Comparison.almostEqual(wantValue, s.value(), EPSILON)) {
                problems.add("expected " + wantValue + " for " + s.labels() + " but got " + s.value());
            }
            if (expect.ordered && at != i) {
                problems.add("expected " + s.labels() + " at position " + (at + 1) + " but it is at " + (i + 1));
            }
        }
        for (SeriesLine line : expect.series) {
            if (!seen.contains(line.labels())) {
                problems.add("expected metric " + line.labels() + " with " + line.values() + " not found");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static String describe(Sample s) {
        return s.isHistogram() ? s.histogram().testExpression() : String.valueOf(s.value());
    }

    /**
     * promqltest's {@code compareNativeHistogram}: after compacting, the same schema, bounds, zero
     * threshold and buckets, counts and sum equal within the tolerance, and the counter reset hint
     * only when the expectation stated it.
     */
    static boolean sameHistogram(FloatHistogram want, FloatHistogram got, boolean hintStated) {
        FloatHistogram a = want.compact();
        FloatHistogram b = got.compact();
        if (a.schema() != b.schema() || !Comparison.almostEqual(a.count(), b.count(), EPSILON)
                || !Comparison.almostEqual(a.sum(), b.sum(), EPSILON)) {
            return false;
        }
        if (a.usesCustomBuckets() && !java.util.Arrays.equals(a.customValues(), b.customValues())) {
            return false;
        }
        if (a.zeroThreshold() != b.zeroThreshold() || !Comparison.almostEqual(a.zeroCount(), b.zeroCount(), EPSILON)) {
            return false;
        }
        if (!sameBuckets(a.negative(), b.negative()) || !sameBuckets(a.positive(), b.positive())) {
            return false;
        }
        return !hintStated || a.counterResetHint() == b.counterResetHint();
    }

    private static boolean sameBuckets(FloatHistogram.Buckets a, FloatHistogram.Buckets b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.index(i) != b.index(i) || !Comparison.almostEqual(a.count(i), b.count(i), EPSILON)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A matrix against series lines whose point {@code i} is at {@code start + i * step}: the
     * same series, and per series the same float points and the same histogram points.
     */
    private static Optional<String> matrix(List<SeriesLine> expected, List<RangeSeries> actual, long start, long step, long end) {
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i - 1).labels().compareTo(actual.get(i).labels()) > 0) {
                problems.add("matrix results should always be sorted by labels, but matrix is not sorted: series at index "
                        + (i - 1) + " with labels " + actual.get(i - 1).labels() + " sorts after series at index " + i);
            }
        }
        Map<Labels, SeriesLine> byLabels = new HashMap<>();
        expected.forEach(line -> byLabels.put(line.labels(), line));
        for (RangeSeries s : actual) {
            SeriesLine line = byLabels.remove(s.labels());
            if (line == null) {
                problems.add("unexpected metric " + s.labels() + " in result, has " + points(s));
                continue;
            }
            if (start + (line.values().size() - 1) * step > end) {
                problems.add("expected " + line.values().size() + " points for " + line.labels()
                        + ", but query time range cannot return this many points");
                continue;
            }
            if (!samePoints(line, s, start, step)) {
                problems.add("for " + s.labels() + " expected " + expectedPoints(line, start, step) + " but got " + points(s));
            }
        }
        byLabels.values().forEach(line -> problems.add("expected metric " + line.labels() + " not found"));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static boolean samePoints(SeriesLine line, RangeSeries s, long start, long step) {
        int floats = 0;
        int histograms = 0;
        for (int i = 0; i < line.values().size(); i++) {
            long time = start + i * step;
            FloatHistogram want = line.histograms().get(i);
            Double value = line.values().get(i);
            if (want != null) {
                if (histograms >= s.histogramCount() || s.histogramTime(histograms) != time
                        || !sameHistogram(want, s.histogram(histograms), line.hintsStated().get(i))) {
                    return false;
                }
                histograms++;
            } else if (value != null) {
                if (floats >= s.size() || s.time(floats) != time || !Comparison.almostEqual(value, s.value(floats), EPSILON)) {
                    return false;
                }
                floats++;
            }
        }
        return floats == s.size() && histograms == s.histogramCount();
    }

    private static String points(RangeSeries s) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < s.size(); i++) {
            out.append(i == 0 ? "" : " ").append(s.value(i)).append(" @").append(s.time(i));
        }
        for (int i = 0; i < s.histogramCount(); i++) {
            out.append(out.length() == 1 ? "" : " ").append(s.histogram(i).testExpression()).append(" @").append(s.histogramTime(i));
        }
        return out.append(']').toString();
    }

    private static String expectedPoints(SeriesLine line, long start, long step) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < line.values().size(); i++) {
            FloatHistogram h = line.histograms().get(i);
            Double v = line.values().get(i);
            if (h != null || v != null) {
                out.append(out.length() == 1 ? "" : " ").append(h != null ? h.testExpression() : v).append(" @").append(start + i * step);
            }
        }
        return out.append(']').toString();
    }
}
