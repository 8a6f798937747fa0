package dev.alertbook.diag;

import dev.alertbook.text.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ways findings can be printed: for people and editors, for GitHub annotations, for tools. */
public enum ReportFormat {
    /** {@code path:line:col: severity: message [check-id]}, one per line. */
    TEXT {
        @Override
        public void write(List<Diagnostic> diagnostics, PrintWriter out) {
            diagnostics.forEach(d -> out.println(d.format()));
        }
    },
    /** GitHub Actions workflow commands, which show up as annotations on the pull request. */
    GITHUB {
        @Override
        public void write(List<Diagnostic> diagnostics, PrintWriter out) {
            for (Diagnostic d : diagnostics) {
                String level = switch (d.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
                out.println("::" + level + " file=" + property(d.path()) + ",line=" + d.position().line()
                        + ",col=" + d.position().column() + ",title=" + property(d.checkId()) + "::"
                        + data(d.message()));
            }
        }
    },
    /** A JSON array of findings. */
    JSON {
        @Override
        public void write(List<Diagnostic> diagnostics, PrintWriter out) {
            out.println(Json.write(diagnostics.stream().map(ReportFormat::json).toList()));
        }
    };

    public abstract void write(List<Diagnostic> diagnostics, PrintWriter out);

    private static Map<String, Object> json(Diagnostic d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("path", d.path());
        item.put("line", d.position().line());
        item.put("column", d.position().column());
        item.put("severity", d.severity().label());
        item.put("check", d.checkId());
        item.put("message", d.message());
        return item;
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
