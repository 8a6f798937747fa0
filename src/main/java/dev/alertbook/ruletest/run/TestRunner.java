package dev.alertbook.ruletest.run;

import com.google.re2j.Pattern;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.ruletest.TestFileLoader;
import dev.alertbook.ruletest.TestGroup;
import dev.alertbook.source.SourceFile;
import dev.alertbook.text.Re2Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs rule unit-test files as {@code promtool test rules} does, one file at a time: load and
 * validate the test file and its rule files, then run each test group on fresh storage.
 *
 * @param run                 {@code --run}: only groups whose name this unanchored regexp matches
 * @param ignoreUnknownFields {@code --ignore-unknown-fields}: lenient rule files (never test files)
 * @param promql              the PromQL features rules and test expressions may use, as
 *                            {@code check} allows them, so a rule it accepts is also run
 */
public record TestRunner(Optional<Pattern> run, boolean ignoreUnknownFields, ParseOptions promql) {

    /** Every group, strict rule files and Prometheus's default PromQL features: promtool's defaults. */
    public static final TestRunner DEFAULT = new TestRunner(Optional.empty(), false, ParseOptions.PROMETHEUS);

    /** {@code --run} values, joined with {@code |} as promtool joins them. */
    public static Optional<Pattern> runPattern(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(Re2Patterns.compile(String.join("|", values)));
    }

    /** Loads and runs a test file; problems loading it are the file's failures and warnings. */
    public FileResult run(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<TestFile> loaded = TestFileLoader.load(source, diagnostics);
        List<String> warnings = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Diagnostic d : diagnostics.sorted()) {
            if (d.severity() == Severity.ERROR) {
                failures.add(Failure.of(d));
            } else {
                warnings.add(d.format());
            }
        }
        if (loaded.isEmpty()) {
            return new FileResult(source.path(), List.of(), warnings, failures, List.of());
        }
        return run(loaded.get(), warnings);
    }

    /** Runs a test file loaded already, whose loading problems were reported elsewhere. */
    public FileResult run(TestFile file) {
        return run(file, List.of());
    }

    private FileResult run(TestFile file, List<String> warnings) {
        RuleSet rules = RuleSet.load(file, ignoreUnknownFields, promql);
        if (!rules.errors().isEmpty()) {
            List<Failure> failures = rules.errors().stream()
                    .map(error -> new Failure(error, file.ruleFilesAt(), "its rule files do not load: " + error.strip())).toList();
            return new FileResult(file.path(), file.ruleFiles(), warnings, failures, List.of());
        }
        List<GroupResult> groups = new ArrayList<>();
        for (TestGroup group : file.groups()) {
            if (run.isEmpty() || run.get().matcher(group.name().orElse("")).find()) {
                groups.add(GroupRun.run(file, rules, group, promql));
            }
        }
        return new FileResult(file.path(), file.ruleFiles(), warnings, List.of(), List.copyOf(groups));
    }
}
