package dev.alertbook.ruletest.run;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.golang.Durations;
import dev.alertbook.golang.Quoting;
import dev.alertbook.promql.ParseOptions;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.rules.RuleGroup;
import dev.alertbook.ruletest.TestFile;
import dev.alertbook.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rule groups of a test file, loaded and validated as promtool does before running any test,
 * and put in {@code group_eval_order} (each group kept with its file, as a one-group file, for messages): listed groups by their index, unlisted ones as index 0.
 * Each problem becomes an error text in {@code check rules} form.
 */
record RuleSet(List<List<CompiledRule>> groups, List<Long> queryOffsets, List<Integer> limits, List<String> errors) {

    static RuleSet load(TestFile file, boolean ignoreUnknownFields, ParseOptions promql) {
        List<String> errors = new ArrayList<>();
        List<RuleFile> ordered = new ArrayList<>();
        for (Path path : file.ruleFiles()) {
            loadFile(path, file, ignoreUnknownFields, errors).ifPresent(rules -> rules.groups()
                    .forEach(group -> ordered.add(new RuleFile(rules.source(), rules.shape(), List.of(group)))));
        }
        ordered.sort(Comparator.comparingInt(one -> Math.max(0, file.groupEvalOrder().indexOf(one.groups().get(0).name()))));
        List<List<CompiledRule>> compiled = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        for (RuleFile one : ordered) {
            RuleGroup group = one.groups().get(0);
            List<CompiledRule> rules = new ArrayList<>();
            for (int i = 0; i < group.rules().size(); i++) {
                compile(one.path(), group, i, promql, errors).ifPresent(rules::add);
            }
            compiled.add(rules);
            offsets.add(group.queryOffset().map(RuleSet::millis).orElse(0L));
            limits.add(group.limit().orElse(0));
        }
        return new RuleSet(compiled, offsets, limits, errors);
    }

    private static Optional<RuleFile> loadFile(Path path, TestFile file, boolean ignoreUnknownFields, List<String> errors) {
        String shown = file.file().toAbsolutePath().getParent().relativize(path).toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            errors.add("  " + shown + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
        Diagnostics found = new Diagnostics();
        Optional<RuleFile> rules = RuleFileLoader.load(new SourceFile(path, shown, text), found);
        boolean failed = false;
        for (Diagnostic d : found.sorted()) {
            // promtool loads an empty rule file as 0 groups; only alertbook's check rejects it.
            boolean ignored = ignoreUnknownFields && d.checkId().equals("rule/unknown-field")
                    || d.checkId().equals("rule/empty-file");
            if (d.severity() == Severity.ERROR && !ignored) {
                errors.add("  " + shown + ": " + d.position().line() + ":" + d.position().column() + ": " + d.message());
                failed = true;
            }
        }
        return failed ? Optional.empty() : rules;
    }

    private static Optional<CompiledRule> compile(String shown, RuleGroup group, int index, ParseOptions promql, List<String> errors) {
        Rule rule = group.rules().get(index);
        ParseResult parsed = PromQL.parse(rule.expr(), promql);
        if (!parsed.isValid()) {
            errors.add("  " + shown + ": " + rule.exprPosition().line() + ":" + rule.exprPosition().column() + ": group "
                    + Quoting.quote(group.name()) + ", rule " + (index + 1) + ", "
                    + Quoting.quote(rule.name()) + ": could not parse expression: " + parsed.errorText());
            return Optional.empty();
        }
        return Optional.of(new CompiledRule(rule, group, parsed.tree(), group.labelsOf(rule),
                rule.forDuration().map(RuleSet::millis).orElse(0L), rule.keepFiringFor().map(RuleSet::millis).orElse(0L)));
    }

    /** Durations the rule loader has already validated. */
    private static long millis(String duration) {
        return Durations.parse(duration).nanos() / 1_000_000;
    }
}
