package dev.alertbook.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The totals a run of {@code check} or {@code build} ends with: how many findings of each severity,
 * and which checks made them, most first, so a reader of a long log sees at once where the
 * findings come from ({@code 455 warnings: 158 template/label-missing, 118 promql/range-too-short, …}).
 */
public final class FindingSummary {

    private FindingSummary() {
    }

    /** {@code 0 errors, 455 warnings, 10 notes}. */
    public static String totals(List<Diagnostic> findings) {
        return List.of(Severity.values()).stream().map(severity -> count(count(findings, severity), severity))
                .collect(Collectors.joining(", "));
    }

    /** One line per severity that has findings, listing each check's count, most first. */
    public static List<String> byCheck(List<Diagnostic> findings) {
        List<String> lines = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Map<String, Long> counts = new TreeMap<>();
            findings.stream().filter(d -> d.severity() == severity).forEach(d -> counts.merge(d.checkId(), 1L, Long::sum));
            if (!counts.isEmpty()) {
                lines.add(count(count(findings, severity), severity) + ": " + counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
            }
        }
        return lines;
    }

    private static long count(List<Diagnostic> findings, Severity severity) {
        return findings.stream().filter(d -> d.severity() == severity).count();
    }

    private static String count(long count, Severity severity) {
        String noun = switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
