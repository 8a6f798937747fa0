package dev.alertbook.promqltest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import dev.alertbook.text.Json;

/**
 * Writes {@code promql-conformance.json}. The summary comes first, on one line, so that CI can read
 * the figure with grep and sed alone.
 */
public final class ConformanceJson {

    private ConformanceJson() {
    }

    public static void write(List<FileReport> reports, Path target) throws IOException {
        Conformance.Summary s = Conformance.summarise(reports);
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"summary\": {\"evals\": ").append(s.evals()).append(", \"passed\": ").append(s.passed())
                .append(", \"failed\": ").append(s.failed()).append(", \"skipped\": ").append(s.skipped())
                .append(", \"errors\": ").append(s.errors()).append(", \"passPercent\": ").append(String.format(Locale.ROOT, "%.2f", s.passPercent())).append("},\n");
        out.append("  \"files\": [");
        for (int f = 0; f < reports.size(); f++) {
            FileReport r = reports.get(f);
            out.append(f == 0 ? "\n" : ",\n").append("    {\"file\": ").append(string(r.file()))
                    .append(", \"passed\": ").append(r.count(EvalOutcome.Status.PASS))
                    .append(", \"failed\": ").append(r.count(EvalOutcome.Status.FAIL))
                    .append(", \"skipped\": ").append(r.count(EvalOutcome.Status.SKIP));
            if (r.error() != null) {
                out.append(", \"error\": ").append(string(r.error()));
            }
            out.append(", \"evals\": [");
            for (int i = 0; i < r.evals().size(); i++) {
                EvalOutcome e = r.evals().get(i);
                out.append(i == 0 ? "\n" : ",\n").append("      {\"line\": ").append(e.line()).append(", \"expr\": ")
                        .append(string(e.query())).append(", \"status\": ")
                        .append(string(e.status().name().toLowerCase(Locale.ROOT)));
                if (!e.reason().isEmpty()) {
                    out.append(", \"reason\": ").append(string(e.reason()));
                }
                out.append('}');
            }
            out.append(r.evals().isEmpty() ? "]}" : "\n    ]}");
        }
        out.append("\n  ]\n}\n");
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, out);
    }

    private static String string(String s) {
        return Json.write(s);
    }
}
