package dev.alertbook.promqltest;

import dev.alertbook.text.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code promql-conformance.json}. The summary comes first, on one line, so that CI can read
 * the figure with grep and sed alone.
 */
public final class ConformanceJson {

    private ConformanceJson() {
    }

    public static void write(List<FileReport> reports, Path target) throws IOException {
        Conformance.Summary s = Conformance.summarise(reports);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("evals", s.evals());
        summary.put("passed", s.passed());
        summary.put("failed", s.failed());
        summary.put("skipped", s.skipped());
        summary.put("errors", s.errors());
        summary.put("passPercent", new BigDecimal(String.format(Locale.ROOT, "%.2f", s.passPercent())));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("summary", summary);
        document.put("files", reports.stream().map(ConformanceJson::file).toList());
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, Json.pretty(document) + "\n");
    }

    private static Map<String, Object> file(FileReport report) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", report.file());
        file.put("passed", report.count(EvalOutcome.Status.PASS));
        file.put("failed", report.count(EvalOutcome.Status.FAIL));
        file.put("skipped", report.count(EvalOutcome.Status.SKIP));
        if (report.error() != null) {
            file.put("error", report.error());
        }
        file.put("evals", report.evals().stream().map(ConformanceJson::eval).toList());
        return file;
    }

    private static Map<String, Object> eval(EvalOutcome outcome) {
        Map<String, Object> eval = new LinkedHashMap<>();
        eval.put("line", outcome.line());
        eval.put("expr", outcome.query());
        eval.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
        if (!outcome.reason().isEmpty()) {
            eval.put("reason", outcome.reason());
        }
        return eval;
    }
}
