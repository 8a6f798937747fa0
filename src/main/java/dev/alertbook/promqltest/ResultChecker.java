package dev.alertbook.promqltest;

import dev.alertbook.text.GoQuote;
import dev.alertbook.promql.engine.Comparison;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.QueryResult;
import dev.alertbook.promql.engine.RangeSeries;
import dev.alertbook.promql.engine.Sample;
import dev.alertbook.promql.engine.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            return Optional.of("expected error " + GoQuote.quote(fail.msg()) + " but got " + GoQuote.quote(error));
        }
        if (fail.regex() != null && !fail.regex().matcher(error).find()) {
            return Optional.of("expected error matching " + GoQuote.quote(fail.regex().pattern()) + " but got " + GoQuote.quote(error));
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
        Value value = result.value();
        if (value instanceof Value.Scalar scalar) {
            if (expect.scalar == null) {
                return Optional.of("expected " + describeExpected(expect) + " but got scalar " + scalar.value());
            }
            return Comparison.almostEqual(expect.scalar, scalar.value(), EPSILON) ? Optional.empty()
                    : Optional.of("expected scalar " + expect.scalar + " but got " + scalar.value());
        }
        if (value instanceof Value.Text text) {
            return text.value().equals(expect.string) ? Optional.empty()
                    : Optional.of("expected string " + expect.string + " but got " + GoQuote.quote(text.value()));
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
            return matrix(expect.series, matrix, eval.start(), eval.step());
        }
        if (expect.rangeVector == null) {
            return Optional.of("expected a vector but got a range vector");
        }
        return matrix(expect.series, matrix, expect.rangeVector[0], expect.rangeVector[2]);
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
                    return Optional.of("unexpected " + kind + " annotation " + GoQuote.quote(a));
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
        return e.msg() != null ? GoQuote.quote(e.msg()) : e.regex() != null ? "matching " + GoQuote.quote(e.regex().pattern()) : "(any)";
    }

    private static Optional<String> vector(Expectations expect, List<Sample> samples) {
        Map<Labels, Integer> positions = new HashMap<>();
        for (int i = 0; i < expect.series.size(); i++) {
            positions.put(expect.series.get(i).labels(), i);
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Integer at = positions.get(s.labels());
            if (at == null) {
                problems.add("unexpected metric " + s.labels() + " " + s.value() + " in result");
                continue;
            }
            SeriesLine line = expect.series.get(at);
            if (line.values().size() != 1 || line.values().get(0) == null) {
                problems.add("expected one value for " + line.labels() + ", got " + line.values());
                continue;
            }
            double want = line.values().get(0);
            if (!Comparison.almostEqual(want, s.value(), EPSILON)) {
                problems.add("expected " + want + " for " + s.labels() + " but got " + s.value());
            }
            if (expect.ordered && at != i) {
                problems.add("expected " + s.labels() + " at position " + (at + 1) + " but it is at " + (i + 1));
            }
        }
        if (samples.size() < expect.series.size()) {
            for (SeriesLine line : expect.series) {
                if (samples.stream().noneMatch(s -> s.labels().equals(line.labels()))) {
                    problems.add("expected metric " + line.labels() + " with " + line.values() + " not found");
                }
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static Optional<String> matrix(List<SeriesLine> expected, List<RangeSeries> actual, long start, long step) {
        List<String> problems = new ArrayList<>();
        Map<Labels, SeriesLine> byLabels = new HashMap<>();
        expected.forEach(line -> byLabels.put(line.labels(), line));
        for (RangeSeries s : actual) {
            SeriesLine line = byLabels.remove(s.labels());
            if (line == null) {
                problems.add("unexpected metric " + s.labels() + " " + points(s));
                continue;
            }
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < line.values().size(); i++) {
                if (line.values().get(i) != null) {
                    times.add(start + i * step);
                    values.add(line.values().get(i));
                }
            }
            boolean same = times.size() == s.size();
            for (int i = 0; same && i < s.size(); i++) {
                same = times.get(i) == s.time(i) && Comparison.almostEqual(values.get(i), s.value(i), EPSILON);
            }
            if (!same) {
                problems.add("for " + s.labels() + " expected " + expectedPoints(times, values) + " but got " + points(s));
            }
        }
        byLabels.values().forEach(line -> problems.add("expected metric " + line.labels() + " not found"));
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static String points(RangeSeries s) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < s.size(); i++) {
            out.append(i == 0 ? "" : " ").append(s.value(i)).append(" @").append(s.time(i));
        }
        return out.append(']').toString();
    }

    private static String expectedPoints(List<Long> times, List<Double> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < times.size(); i++) {
            out.append(i == 0 ? "" : " ").append(values.get(i)).append(" @").append(times.get(i));
        }
        return out.append(']').toString();
    }
}
