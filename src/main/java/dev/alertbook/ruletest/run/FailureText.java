package dev.alertbook.ruletest.run;

import dev.alertbook.golang.Durations;
import dev.alertbook.golang.FloatFormat;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.engine.Labels;
import dev.alertbook.promql.engine.Sample;
import java.util.List;
import java.util.Map;

/**
 * promtool's error texts for a failing test, character for character (indentation and trailing
 * spaces included), so a user can read alertbook's output as they read promtool's.
 */
final class FailureText {

    /** An alert or expected alert: labels and annotations, both in {@code labels.String()} form. */
    record Alert(Labels labels, Labels annotations) implements Comparable<Alert> {
        @Override
        public int compareTo(Alert other) {
            int byLabels = labels.compareTo(other.labels);
            return byLabels != 0 ? byLabels : annotations.compareTo(other.annotations);
        }
    }

    private static final int SUMMARY_LIMIT = 300;

    private FailureText() {
    }

    static String alerts(String groupName, String alertname, long evalMillis, List<Alert> expected, List<Alert> got) {
        String name = groupName.isEmpty() ? "" : "    name: " + groupName + ",\n";
        return name + "    alertname: " + alertname + ", time: " + modelDuration(evalMillis) + ", \n        exp:"
                + indent(alertList(expected), "            ") + ", \n        got:" + indent(alertList(got), "            ");
    }

    /** The gist of an alert mismatch in one line: the counts where they differ, and the first difference. */
    static String alertSummary(String alertname, long evalMillis, List<Alert> expected, List<Alert> got) {
        String start = "alert " + alertname + " at " + modelDuration(evalMillis) + ": "
                + (expected.size() == got.size() ? "" : "expected " + count(expected.size()) + ", got " + got.size() + "; ");
        for (Alert wanted : expected) {
            if (!got.contains(wanted)) {
                return start + got.stream().filter(a -> a.labels().equals(wanted.labels())).findFirst()
                        .map(same -> annotationDifference(wanted.annotations(), same.annotations()))
                        .orElse("missing " + wanted.labels().toMapString());
            }
        }
        return start + got.stream().filter(alert -> !expected.contains(alert)).findFirst()
                .map(extra -> "unexpected " + extra.labels().toMapString()).orElse("an alert is listed twice");
    }

    private static String count(int alerts) {
        return alerts + (alerts == 1 ? " firing alert" : " firing alerts");
    }

    private static String annotationDifference(Labels wanted, Labels got) {
        Map<String, String> expected = wanted.toMap();
        Map<String, String> actual = got.toMap();
        for (Map.Entry<String, String> annotation : actual.entrySet()) {
            String name = annotation.getKey();
            if (!expected.containsKey(name)) {
                return "annotation " + name + " is missing from exp_annotations, which must list every annotation";
            }
            if (!expected.get(name).equals(annotation.getValue())) {
                return "annotation " + name + " is " + Quoting.quote(annotation.getValue()) + ", expected "
                        + Quoting.quote(expected.get(name));
            }
        }
        return expected.keySet().stream().filter(name -> !actual.containsKey(name)).findFirst()
                .map(name -> "annotation " + name + " is expected but the rule has none").orElse("annotations differ");
    }

    /** The gist of a failed expression check in one line, cut short where sample lists run long. */
    static String exprSummary(String expr, long evalMillis, String problem) {
        String line = "expr " + Quoting.quote(expr) + " at " + modelDuration(evalMillis) + ": " + problem;
        return line.length() <= SUMMARY_LIMIT ? line : line.substring(0, SUMMARY_LIMIT) + "…";
    }

    private static String alertList(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < alerts.size(); i++) {
            Alert alert = alerts.get(i);
            out.append(i == 0 ? "\n" : ",\n").append(i).append(':').append(indent("\nLabels:" + alert.labels().toMapString()
                    + "\nAnnotations:" + alert.annotations().toMapString(), "  "));
        }
        return out.append("\n]").toString();
    }

    private static String indent(String lines, String indentation) {
        return lines.replace("\n", "\n" + indentation);
    }

    static String samples(String expr, long evalMillis, String expected, String got) {
        return "    expr: " + Quoting.quote(expr) + ", time: " + modelDuration(evalMillis) + ",\n        exp: " + expected
                + "\n        got: " + got;
    }

    /** Samples as promtool prints them: a float as {@code %E}, a histogram as its test expression. */
    static String sampleList(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "nil";
        }
        return String.join(", ", samples.stream().map(s -> s.labels().toMapString() + " "
                + (s.isHistogram() ? s.histogram().testExpression() : FloatFormat.format(s.value(), 'E', -1))).toList());
    }

    static String queryError(String expr, long evalMillis, String error) {
        return "    expr: " + Quoting.quote(expr) + ", time: " + modelDuration(evalMillis) + ", err: " + error;
    }

    static String ruleError(String rule, long sinceEpochMillis, String error) {
        return "    rule: " + rule + ", time: " + goDuration(sinceEpochMillis) + ", err: " + error;
    }

    static String modelDuration(long millis) {
        return Durations.format(millis * 1_000_000);
    }

    /** Go's {@code time.Duration.String()} at millisecond precision: {@code 0s}, {@code 500ms}, {@code 1m0s}, {@code 1h2m3.5s}. */
    static String goDuration(long millis) {
        if (millis == 0) {
            return "0s";
        }
        String sign = millis < 0 ? "-" : "";
        long ms = Math.abs(millis);
        if (ms < 1000) {
            return sign + ms + "ms";
        }
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        String seconds = (ms / 1000 % 60) + (ms % 1000 == 0 ? "" : ("." + String.format("%03d", ms % 1000)).replaceAll("0+$", "")) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        return sign + (minutes > 0 ? minutes + "m" : "") + seconds;
    }
}
