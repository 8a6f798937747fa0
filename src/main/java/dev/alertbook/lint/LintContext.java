package dev.alertbook.lint;

import dev.alertbook.config.CheckSettings;
import dev.alertbook.config.SiteConfig;
import dev.alertbook.diag.Diagnostic;
import dev.alertbook.promql.PromQL;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleGroup;
import dev.alertbook.rules.Rule;
import dev.alertbook.site.SiteModel;
import dev.alertbook.source.Position;
import dev.alertbook.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;

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
        this.model = model;
        List<RuleEntry> entries = new ArrayList<>();
        for (RuleFile file : model.workspace().ruleFiles()) {
            for (RuleGroup group : file.groups()) {
                for (Rule rule : group.rules()) {
                    entries.add(new RuleEntry(file, group, rule,
                            rule.expr().isEmpty() ? java.util.Optional.empty() : PromQL.parse(rule.expr()).expr()));
                }
            }
        }
        this.rules = List.copyOf(entries);
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
