package dev.alertbook.lint;

import dev.alertbook.config.CheckSettings;
import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.promql.PromQL;
import dev.alertbook.model.SiteModel;
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
    private final List<Diagnostic> findings = new ArrayList<>();

    LintContext(SiteModel model) {
        // Parsed on every core, like the loader does; toList keeps the file order.
        this(model, model.workspace().ruleFiles().parallelStream()
                .flatMap(file -> file.groups().stream().flatMap(group -> group.rules().stream()
                        .map(rule -> new RuleEntry(file, group, rule, rule.expr().isEmpty() ? Optional.empty()
                                : PromQL.parse(rule.expr(), model.workspace().config().promql()).expr()))))
                .toList());
    }

    private LintContext(SiteModel model, List<RuleEntry> rules) {
        this.model = model;
        this.rules = rules;
    }

    /**
     * Runs {@code checks} on every core. Each only reads the model and reports into a context of
     * its own; their findings join here in check order, so the output never depends on which
     * check finished first.
     */
    void runAll(List<Check> checks) {
        checks.parallelStream().map(check -> {
            LintContext own = new LintContext(model, rules);
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

    void report(Check check, String path, Position position, String message) {
        findings.add(new Diagnostic(check.id(), check.severity(), path, position, message));
    }

    List<Diagnostic> findings() {
        return findings;
    }
}
