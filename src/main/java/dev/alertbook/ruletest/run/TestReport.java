package dev.alertbook.ruletest.run;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.golang.Quoting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a repository's rule unit tests, and which test groups exercise each alert: a
 * group exercises an alert when one of its {@code alert_rule_test} items names it and the alert's
 * rule file is among the test file's {@code rule_files}.
 */
public final class TestReport {

    public static final String FAILED = "test/failed";
    public static final TestReport NONE = new TestReport(List.of());

    /** One test group with the file it is in. */
    public record Exercise(FileResult file, GroupResult group) {
    }

    private record Key(Path ruleFile, String alertname) {
    }

    private final List<FileResult> files;
    private final Map<Key, List<Exercise>> byAlert = new HashMap<>();

    public TestReport(List<FileResult> files) {
        this.files = List.copyOf(files);
        for (FileResult file : this.files) {
            for (GroupResult group : file.groups()) {
                for (String alertname : group.alertnames()) {
                    for (Path ruleFile : file.ruleFiles()) {
                        byAlert.computeIfAbsent(new Key(normal(ruleFile), alertname), key -> new ArrayList<>())
                                .add(new Exercise(file, group));
                    }
                }
            }
        }
    }

    public List<FileResult> files() {
        return files;
    }

    /** The test groups that check alert {@code alertname} as defined in {@code ruleFile}. */
    public List<Exercise> exercising(Path ruleFile, String alertname) {
        return byAlert.getOrDefault(new Key(normal(ruleFile), alertname), List.of());
    }

    public long groups() {
        return files.stream().mapToLong(file -> file.groups().size()).sum();
    }

    public long failedGroups() {
        return files.stream().mapToLong(file -> file.groups().stream().filter(group -> !group.passed()).count()
                + (file.failures().isEmpty() ? 0 : 1)).sum();
    }

    /** Each failure as a finding at the test-file item it concerns, at {@code severity}. */
    public void report(Diagnostics diagnostics, Severity severity) {
        for (FileResult file : files) {
            String details = "; `alertbook test " + file.path() + "` prints the details";
            for (Failure failure : file.failures()) {
                diagnostics.report(new Diagnostic(FAILED, severity, file.path(), failure.at(),
                        "these tests cannot run: " + failure.summary() + details));
            }
            for (GroupResult group : file.groups()) {
                for (Failure failure : group.failures()) {
                    diagnostics.report(new Diagnostic(FAILED, severity, file.path(), failure.at(),
                            "test " + Quoting.quote(group.group().displayName()) + " failed: " + failure.summary() + details));
                }
            }
        }
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
