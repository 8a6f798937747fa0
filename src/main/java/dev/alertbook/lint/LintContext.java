package dev.alertbook.lint;

import dev.alertbook.config.CheckSettings;
import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.model.RunbookPage;
import dev.alertbook.model.SiteModel;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.source.Position;
import dev.alertbook.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What checks see: the linked repository, every rule with its expression parsed once for all
 * checks, and where findings go. Findings are held here, not reported at once, so inline
 * disable comments can be applied to them before they reach the workspace.
 */
public final class LintContext {

    private final SiteModel model;
    private final List<RuleEntry> rules;
    private final FindingCache cache;
    private final List<Diagnostic> findings = new ArrayList<>();

    LintContext(SiteModel model, FindingCache cache) {
        // Each expression was parsed when its file was loaded; the entries keep the file order.
        this(model, model.workspace().ruleFiles().stream()
                .flatMap(file -> file.groups().stream().flatMap(group -> group.rules().stream()
                        .map(rule -> new RuleEntry(file, group, rule, rule.expr().isEmpty() ? Optional.empty()
                                : file.parsed(rule, model.workspace().config().promql()).expr()))))
                .toList(), cache);
    }

    LintContext(SiteModel model, List<RuleEntry> rules, FindingCache cache) {
        this.model = model;
        this.rules = rules;
        this.cache = cache;
    }

    /**
     * Runs {@code checks} on every core. Each only reads the model and reports into a context of
     * its own; their findings join here in check order, so the output never depends on which
     * check finished first.
     */
    void runAll(List<Check> checks) {
        checks.parallelStream().map(check -> {
            LintContext own = new LintContext(model, rules, cache);
            check.run(own);
            return own.findings;
        }).toList().forEach(findings::addAll);
    }

    SiteModel model() {
        return model;
    }

    Workspace workspace() {
        return model.workspace();
    }

    SiteConfig config() {
        return model.workspace().config();
    }

    CheckSettings settings() {
        return config().checkSettings();
    }

    List<RuleEntry> rules() {
        return rules;
    }

    /** Runs {@code check} on {@code page}, or replays its findings there if the runbook did not change. */
    void checkOnce(RunbookCheck check, RunbookPage page) {
        checkOnce(check, page.runbook(), () -> check.check(page, this));
    }

    /** Runs {@code check} on each rule, or replays its findings in each rule file that did not change. */
    void checkOnce(RuleCheck check) {
        int from = 0;
        while (from < rules.size()) {
            RuleFile file = rules.get(from).file();
            int to = from;
            while (to < rules.size() && rules.get(to).file() == file) {
                to++;
            }
            List<RuleEntry> ofFile = rules.subList(from, to);
            checkOnce(check, file, () -> ofFile.forEach(rule -> check.check(rule, this)));
            from = to;
        }
    }

    private void checkOnce(Check check, Object file, Runnable checking) {
        findings.addAll(cache.findings(check.id(), file, () -> {
            int before = findings.size();
            checking.run();
            List<Diagnostic> found = List.copyOf(findings.subList(before, findings.size()));
            findings.subList(before, findings.size()).clear();
            return found;
        }));
    }

    void report(Check check, String path, Position position, String message) {
        findings.add(new Diagnostic(check.id(), check.severity(), path, position, message));
    }

    List<Diagnostic> findings() {
        return findings;
    }
}
