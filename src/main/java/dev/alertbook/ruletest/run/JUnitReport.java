package dev.alertbook.ruletest.run;

import dev.alertbook.text.JunitXml;
import java.util.ArrayList;
import java.util.List;

/**
 * promtool's {@code --junit} report: one {@code <testsuite>} per file and one {@code <testcase>}
 * per test group, a failure carrying the group's error texts.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String xml(List<FileResult> files) {
        return JunitXml.write(new JunitXml.Report(null, files.stream().map(JUnitReport::suite).toList()));
    }

    private static JunitXml.Suite suite(FileResult file) {
        List<JunitXml.TestCase> cases = new ArrayList<>();
        if (!file.failures().isEmpty()) {
            cases.add(testCase("load", file.failures().stream().map(Failure::text).toList()));
        }
        for (GroupResult group : file.groups()) {
            cases.add(testCase(group.group().displayName(), group.errors()));
        }
        return new JunitXml.Suite(file.path(), cases);
    }

    private static JunitXml.TestCase testCase(String name, List<String> errors) {
        if (errors.isEmpty()) {
            return JunitXml.TestCase.passed(name);
        }
        String message = errors.get(0).strip().lines().findFirst().orElse("");
        return JunitXml.TestCase.failed(name, new JunitXml.Failure(null, message, String.join("\n", errors)));
    }
}
