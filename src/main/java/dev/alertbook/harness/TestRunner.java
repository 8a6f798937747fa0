package dev.alertbook.harness;

import com.google.re2j.Pattern;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs rule unit-test files as {@code promtool test rules} does, one file at a time: load and
 * validate the test file and its rule files, then run each test group on fresh storage.
 *
 * @param run                 {@code --run}: only groups whose name this unanchored regexp matches
 * @param ignoreUnknownFields {@code --ignore-unknown-fields}: lenient rule files (never test files)
 */
public record TestRunner(Optional<Pattern> run, boolean ignoreUnknownFields) {

    public static final TestRunner DEFAULT = new TestRunner(Optional.empty(), false);

    /** {@code --run} values, joined with {@code |} as promtool joins them. */
    public static Optional<Pattern> runPattern(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(String.join("|", values)));
    }

    public FileResult run(SourceFile source) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<TestFile> loaded = TestFileLoader.load(source, diagnostics);
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Diagnostic d : diagnostics.sorted()) {
            (d.severity() == Severity.ERROR ? errors : warnings).add(d.format());
        }
        if (loaded.isEmpty()) {
            return new FileResult(source.path(), warnings, errors, List.of());
        }
        TestFile file = loaded.get();
        RuleSet rules = RuleSet.load(file, ignoreUnknownFields);
        if (!rules.errors().isEmpty()) {
            return new FileResult(source.path(), warnings, rules.errors(), List.of());
        }
        List<GroupResult> groups = new ArrayList<>();
        for (TestGroup group : file.groups()) {
            if (run.isEmpty() || run.get().matcher(group.name().orElse("")).find()) {
                groups.add(GroupRun.run(file, rules, group));
            }
        }
        return new FileResult(source.path(), warnings, errors, List.copyOf(groups));
    }
}
