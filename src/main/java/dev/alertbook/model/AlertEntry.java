package dev.alertbook.model;

import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.rules.RuleGroup;

/**
 * One alerting rule where it is defined. The same alert name may appear several times (a warning
 * and a critical variant, or one per rule file), so the rule itself is the identity, not its name.
 *
 * @param rulePath the file's path below its rules folder, as published under {@code /rules/}
 */
public record AlertEntry(RuleFile file, String rulePath, RuleGroup group, Rule rule) {

    public String name() {
        return rule.name();
    }

    public String severity() {
        return rule.label("severity").orElse("");
    }

    /** The last line of the rule in its file, so findings can be matched to the rule they concern. */
    public int lastLine() {
        return rule.position().line() + (int) rule.yaml().lines().count() - 1;
    }
}
