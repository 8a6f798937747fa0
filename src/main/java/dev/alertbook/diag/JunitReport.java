package dev.alertbook.diag;

import dev.alertbook.text.Escape;
import java.util.List;

/**
 * Findings as a JUnit XML report, which GitLab, Jenkins and most CI systems show per test: one
 * test case per finding, failed when it is an error; a clean run is one passing case, so the
 * report is never empty.
 */
final class JunitReport {

    private JunitReport() {
    }

    static String write(List<Diagnostic> diagnostics) {
        long failures = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        int tests = Math.max(1, diagnostics.size());
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"alertbook check\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\">\n");
        out.append("  <testsuite name=\"alertbook check\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        if (diagnostics.isEmpty()) {
            out.append("    <testcase classname=\"alertbook\" name=\"no findings\"/>\n");
        }
        for (Diagnostic d : diagnostics) {
            out.append("    <testcase classname=\"").append(Escape.xml(d.checkId())).append("\" name=\"")
                    .append(Escape.xml(d.path() + ":" + d.position())).append("\" file=\"").append(Escape.xml(d.path())).append("\">\n");
            String element = d.severity() == Severity.ERROR ? "failure" : "system-out";
            out.append("      <").append(element);
            if (d.severity() == Severity.ERROR) {
                out.append(" type=\"").append(Escape.xml(d.checkId())).append("\" message=\"").append(Escape.xml(d.message())).append('"');
            }
            out.append('>').append(Escape.xml(d.format())).append("</").append(element).append(">\n");
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>");
        return out.toString();
    }
}
