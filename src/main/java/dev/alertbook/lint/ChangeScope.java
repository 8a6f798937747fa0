package dev.alertbook.lint;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleFileLoader;
import dev.alertbook.runbook.Runbook;
import dev.alertbook.source.SourceFile;
import dev.alertbook.workspace.Workspace;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code check --changed-since <ref>} reports: findings in files changed since the ref
 * (committed, staged, unstaged or new), and findings elsewhere about an alert whose rule or runbook
 * changed, such as the runbook a deleted rule left without an alert. Alerts are matched by name,
 * taken from both the old and the new version of each changed rule file.
 */
public final class ChangeScope {

    private final Workspace workspace;
    private final Set<String> changedFiles;
    private final Set<String> changedNames;

    private ChangeScope(Workspace workspace, Set<String> changedFiles, Set<String> changedNames) {
        this.workspace = workspace;
        this.changedFiles = changedFiles;
        this.changedNames = changedNames;
    }

    /** The scope of the changes since {@code ref}; empty when git does not know the ref. */
    public static Optional<ChangeScope> since(Workspace workspace, String ref) {
        var root = workspace.reader().root();
        if (ref.startsWith("-") || Git.run(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").isEmpty()) {
            return Optional.empty();
        }
        Set<String> files = new HashSet<>();
        Git.run(root, "diff", "--name-only", "--no-renames", "--relative", ref, "--")
                .ifPresent(out -> out.lines().filter(line -> !line.isBlank()).forEach(files::add));
        Git.run(root, "ls-files", "--others", "--exclude-standard")
                .ifPresent(out -> out.lines().filter(line -> !line.isBlank()).forEach(files::add));
        Set<String> names = new HashSet<>();
        for (String file : files) {
            workspace.ruleFiles().stream().filter(rules -> rules.path().equals(file))
                    .forEach(rules -> rules.rules().forEach(rule -> names.add(rule.name())));
            if (file.endsWith(".yml") || file.endsWith(".yaml")) {
                Git.run(root, "show", ref + ":./" + file)
                        .flatMap(old -> RuleFileLoader.load(new SourceFile(null, file, old), new Diagnostics()))
                        .ifPresent(old -> old.rules().forEach(rule -> names.add(rule.name())));
            } else if (file.endsWith(".md")) {
                names.add(runbook(workspace, file).map(Runbook::alertName)
                        .orElse(file.substring(file.lastIndexOf('/') + 1, file.length() - 3)));
            }
        }
        return Optional.of(new ChangeScope(workspace, files, names));
    }

    public boolean shows(Diagnostic finding) {
        return changedFiles.contains(finding.path()) || subject(finding).filter(changedNames::contains).isPresent();
    }

    /** The alert or recording rule a finding is about: its runbook's alert, or the rule around its line. */
    private Optional<String> subject(Diagnostic finding) {
        Optional<String> alert = runbook(workspace, finding.path()).map(Runbook::alertName);
        if (alert.isPresent()) {
            return alert;
        }
        return workspace.ruleFiles().stream().filter(file -> file.path().equals(finding.path()))
                .flatMap(RuleFile::rules)
                .filter(rule -> contains(rule, finding.position().line()))
                .map(Rule::name).findFirst();
    }

    private static boolean contains(Rule rule, int line) {
        return line >= rule.position().line() && line <= Suppressions.lastLine(rule);
    }

    private static Optional<Runbook> runbook(Workspace workspace, String path) {
        return workspace.runbooks().stream().filter(runbook -> runbook.source().path().equals(path)).findFirst();
    }
}
