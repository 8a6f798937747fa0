package dev.alertbook.diag;

import dev.alertbook.source.Position;
import dev.alertbook.text.Json;
import dev.alertbook.text.JunitXml;
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
    /** {@link #TEXT} with the severity in colour, for a terminal. */
    COLOURED_TEXT {
        @Override
        public void write(List<Diagnostic> diagnostics, PrintWriter out) {
            for (Diagnostic d : diagnostics) {
                String colour = switch (d.severity()) {
                    case ERROR -> "\u001b[1;31m";
                    case WARNING -> "\u001b[1;33m";
                    case INFO -> "\u001b[1;36m";
                };
                Position at = d.position();
                out.println("\u001b[1m" + d.path() + ":" + at.line() + ":" + at.column() + ":\u001b[0m " + colour
                        + d.severity().label() + ":\u001b[0m " + d.message() + " \u001b[2m[" + d.checkId() + "]\u001b[0m");
            }
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
    },
    /** A SARIF 2.1.0 log, for GitHub code scanning. */
    SARIF {
        @Override
        public void write(List<Diagnostic> diagnostics, PrintWriter out) {
            out.println(SarifReport.write(diagnostics));
        }
    },
    /** A JUnit XML report, for CI systems that show test reports (GitLab, Jenkins). */
    JUNIT {
        @Override
        public void write(List<Diagnostic> diagnostics, PrintWriter out) {
            out.print(JunitXml.write(junit(diagnostics)));
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

    /**
     * One test case per finding, failed when it is an error; a clean run is one passing case, so
     * the report is never empty.
     */
    private static JunitXml.Report junit(List<Diagnostic> diagnostics) {
        List<JunitXml.TestCase> cases = diagnostics.stream().map(d -> d.severity() == Severity.ERROR
                ? new JunitXml.TestCase(d.checkId(), d.path() + ":" + d.position(), d.path(),
                        new JunitXml.Failure(d.checkId(), d.message(), d.format()), null)
                : new JunitXml.TestCase(d.checkId(), d.path() + ":" + d.position(), d.path(), null, d.format())).toList();
        if (cases.isEmpty()) {
            cases = List.of(new JunitXml.TestCase("alertbook", "no findings", null, null, null));
        }
        return new JunitXml.Report("alertbook check", List.of(new JunitXml.Suite("alertbook check", cases)));
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
