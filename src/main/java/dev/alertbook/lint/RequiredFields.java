package dev.alertbook.lint;

import dev.alertbook.diag.Severity;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code rule/missing-label} and {@code rule/missing-annotation}: an alert without a label or
 * annotation that {@code requiredLabels} / {@code requiredAnnotations} in {@code alertbook.yml}
 * ask for. Routing usually depends on the labels and the notification on the annotations, so an
 * alert without them pages the wrong people or says nothing. Group labels count as the rule's.
 */
final class RequiredFields extends CheckBase implements RuleCheck {

    static final RequiredFields LABELS = new RequiredFields("rule/missing-label", "label", "labels",
            context -> context.config().requiredLabels(), rule -> rule.group().labelsOf(rule.rule()));
    static final RequiredFields ANNOTATIONS = new RequiredFields("rule/missing-annotation", "annotation", "annotations",
            context -> context.config().requiredAnnotations(), rule -> rule.rule().annotations());

    private final String noun;
    private final String key;
    private final Function<LintContext, List<String>> required;
    private final Function<RuleEntry, Map<String, String>> present;

    private RequiredFields(String id, String noun, String key, Function<LintContext, List<String>> required,
            Function<RuleEntry, Map<String, String>> present) {
        super(id, Severity.WARNING);
        this.noun = noun;
        this.key = key;
        this.required = required;
        this.present = present;
    }

    @Override
    public void check(RuleEntry rule, LintContext context) {
        if (!rule.rule().isAlert()) {
            return;
        }
        Map<String, String> has = present.apply(rule);
        for (String name : required.apply(context)) {
            String value = has.get(name);
            if (value == null || value.isBlank()) {
                context.report(this, rule.path(), rule.rule().namePosition(),
                        "alert " + rule.rule().name() + " has no " + name + " " + noun + ", which alertbook.yml requires"
                                + "; add it under " + key + ":");
            }
        }
    }
}
