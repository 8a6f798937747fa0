package dev.alertbook.lint;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.promql.MetricNames;
import dev.alertbook.promql.ParseResult;
import dev.alertbook.promql.PromQL;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.rules.RuleGroup;
import dev.alertbook.rules.RuleKind;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.source.Git;
import dev.alertbook.source.SourceFile;
import dev.alertbook.workspace.Workspace;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code check --changed-since <ref>} reports. In a changed rule file, the findings on the
 * rules whose text changed (a rule moved or re-indented has not), and those outside every rule;
 * in any other changed file, all of them. Elsewhere, what the changes caused: findings about an
 * alert or record whose rule or runbook changed, such as the runbook a deleted rule left without
 * an alert, and the findings that depend on another rule (a {@code promql/no-recording-rule} on an
 * alert that reads a recording rule the change deleted or renamed).
 */
public final class ChangeScope {

    /** Checks whose finding on one rule can come from a change to a rule it reads. */
    private static final Set<String> DEPENDENT_CHECKS = Set.of("promql/no-recording-rule");

    /**
     * A rule as far as a change goes: its text and the settings of its group that it inherits.
     * Where the rule sits in its file is left out, so moving it is no change.
     */
    private record Version(String group, Optional<String> interval, Optional<String> queryOffset,
            Optional<Integer> limit, Map<String, String> groupLabels, String yaml) {

        static Version of(RuleGroup group, Rule rule) {
            return new Version(group.name(), group.interval(), group.queryOffset(), group.limit(), group.labels(),
                    rule.yaml());
        }
    }

    private final Workspace workspace;
    private final Set<String> changedFiles;
    private final Set<Rule> changedRules;
    private final Set<String> changedNames;
    private final Set<Rule> readingChangedRecords;

    private ChangeScope(Workspace workspace, Set<String> changedFiles, Set<Rule> changedRules, Set<String> changedNames,
            Set<String> changedRecords) {
        this.workspace = workspace;
        this.changedFiles = changedFiles;
        this.changedRules = changedRules;
        this.changedNames = changedNames;
        this.readingChangedRecords = changedRecords.isEmpty() ? Set.of() : readers(workspace, changedRecords);
    }

    /** The scope of the changes since {@code ref}; empty when git does not know the ref. */
    public static Optional<ChangeScope> since(Workspace workspace, String ref) {
        Path root = workspace.reader().root();
        if (ref.startsWith("-") || Git.run(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").isEmpty()) {
            return Optional.empty();
        }
        Set<String> files = new HashSet<>();
        Git.run(root, "diff", "--name-only", "--no-renames", "--relative", ref, "--")
                .ifPresent(out -> out.lines().filter(line -> !line.isBlank()).forEach(files::add));
        Git.run(root, "ls-files", "--others", "--exclude-standard")
                .ifPresent(out -> out.lines().filter(line -> !line.isBlank()).forEach(files::add));
        Set<Rule> rules = identitySet();
        Set<String> names = new HashSet<>();
        Set<String> records = new HashSet<>();
        for (String file : files) {
            if (file.endsWith(".yml") || file.endsWith(".yaml")) {
                compare(workspace, ref, file, rules, names, records);
            } else if (file.endsWith(".md")) {
                names.add(runbook(workspace, file).map(Runbook::alertName)
                        .orElse(file.substring(file.lastIndexOf('/') + 1, file.length() - 3)));
            }
        }
        return Optional.of(new ChangeScope(workspace, files, rules, names, records));
    }

    /**
     * Compares the rules of a changed YAML file with those at {@code ref}: a rule whose version is
     * not there at the ref changed, and one there whose version is gone now was changed or deleted.
     * Both count by name, so findings elsewhere about either name are in scope.
     */
    private static void compare(Workspace workspace, String ref, String file, Set<Rule> rules, Set<String> names,
            Set<String> records) {
        Map<Version, Integer> old = new HashMap<>();
        Map<Version, Rule> oldRules = new HashMap<>();
        Git.run(workspace.reader().root(), "show", ref + ":./" + file)
                .flatMap(text -> RuleFileLoader.load(new SourceFile(null, file, text), new Diagnostics()))
                .ifPresent(loaded -> versions(loaded).forEach(entry -> {
                    old.merge(entry.version(), 1, Integer::sum);
                    oldRules.put(entry.version(), entry.rule());
                }));
        workspace.ruleFiles().stream().filter(loaded -> loaded.path().equals(file)).flatMap(ChangeScope::versions)
                .forEach(entry -> {
                    if (old.merge(entry.version(), -1, Integer::sum) < 0) {
                        rules.add(entry.rule());
                        changed(entry.rule(), names, records);
                    }
                });
        old.forEach((version, left) -> {
            if (left > 0) {
                changed(oldRules.get(version), names, records);
            }
        });
    }

    private record Entry(Version version, Rule rule) {
    }

    private static Stream<Entry> versions(RuleFile file) {
        return file.groups().stream()
                .flatMap(group -> group.rules().stream().map(rule -> new Entry(Version.of(group, rule), rule)));
    }

    private static void changed(Rule rule, Set<String> names, Set<String> records) {
        names.add(rule.name());
        if (rule.kind() == RuleKind.RECORDING) {
            records.add(rule.name());
        }
    }

    /** The rules whose expressions read one of the metrics {@code records}. */
    private static Set<Rule> readers(Workspace workspace, Set<String> records) {
        Set<Rule> readers = identitySet();
        workspace.ruleFiles().stream().flatMap(RuleFile::rules)
                .filter(rule -> records.stream().anyMatch(rule.expr()::contains))
                .forEach(rule -> {
                    ParseResult parsed = PromQL.parse(rule.expr(), workspace.config().promql());
                    if (parsed.isValid() && MetricNames.of(parsed.tree()).stream().anyMatch(records::contains)) {
                        readers.add(rule);
                    }
                });
        return readers;
    }

    public boolean shows(Diagnostic finding) {
        Optional<Rule> rule = rule(finding);
        if ((changedFiles.contains(finding.path()) && rule.isEmpty()) || rule.filter(changedRules::contains).isPresent()) {
            return true;
        }
        if (rule.filter(readingChangedRecords::contains).isPresent() && DEPENDENT_CHECKS.contains(finding.checkId())) {
            return true;
        }
        Optional<String> subject = rule.map(Rule::name).or(() -> runbookSubject(finding));
        return subject.filter(changedNames::contains).isPresent() || runbookReference(finding, changedNames);
    }

    /** The rule around a finding's line, if the finding is in a rule file. */
    private Optional<Rule> rule(Diagnostic finding) {
        return workspace.ruleFiles().stream().filter(file -> file.path().equals(finding.path()))
                .flatMap(RuleFile::rules)
                .filter(rule -> contains(rule, finding.position().line()))
                .findFirst();
    }

    private Optional<String> runbookSubject(Diagnostic finding) {
        return runbook(workspace, finding.path()).map(Runbook::alertName);
    }

    /** Whether a finding is at a {@code rule} shortcode of a runbook that embeds one of {@code names}. */
    private boolean runbookReference(Diagnostic finding, Set<String> names) {
        return runbook(workspace, finding.path()).stream().flatMap(runbook -> runbook.ruleReferences().stream())
                .anyMatch(reference -> reference.position().equals(finding.position()) && names.contains(reference.alert()));
    }

    /** Rules are told apart by identity: two files can hold the same rule at the same place. */
    private static Set<Rule> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static boolean contains(Rule rule, int line) {
        return line >= rule.position().line() && line <= Suppressions.lastLine(rule);
    }

    private static Optional<Runbook> runbook(Workspace workspace, String path) {
        return workspace.runbooks().stream().filter(runbook -> runbook.source().path().equals(path)).findFirst();
    }
}
