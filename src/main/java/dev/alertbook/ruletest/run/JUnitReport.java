package dev.alertbook.ruletest.run;

import dev.alertbook.text.Escape;
import java.util.List;

/**
 * promtool's {@code --junit} report: one {@code <testsuite>} per file and one {@code <testcase>}
 * per test group, a failure carrying the group's error texts.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String xml(List<FileResult> files) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        for (FileResult file : files) {
            long failures = file.groups().stream().filter(g -> !g.passed()).count() + (file.failures().isEmpty() ? 0 : 1);
            out.append("  <testsuite name=\"").append(Escape.xml(file.path())).append("\" tests=\"")
                    .append(file.groups().size()).append("\" failures=\"").append(failures).append("\">\n");
            if (!file.failures().isEmpty()) {
                testcase(out, "load", file.failures().stream().map(Failure::text).toList());
            }
            for (GroupResult group : file.groups()) {
                testcase(out, group.group().displayName(), group.errors());
            }
            out.append("  </testsuite>\n");
        }
        return out.append("</testsuites>\n").toString();
    }

    private static void testcase(StringBuilder out, String name, List<String> errors) {
        out.append("    <testcase name=\"").append(Escape.xml(name)).append('"');
        if (errors.isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n      <failure message=\"").append(Escape.xml(errors.get(0).strip().lines().findFirst().orElse("")))
                .append("\">").append(Escape.xml(String.join("\n", errors))).append("</failure>\n    </testcase>\n");
    }
}
