package dev.alertbook.rules;

import dev.alertbook.source.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A named group of rules evaluated together, as in a Prometheus rule file's {@code groups:} list. */
public record RuleGroup(
        String name,
        Position position,
        Optional<String> interval,
        Optional<String> queryOffset,
        Optional<Integer> limit,
        Map<String, String> labels,
        List<Rule> rules) {

    /**
     * The labels {@code rule} gets when Prometheus evaluates it: the group's labels, overridden by
     * the rule's own (Prometheus 3.0+).
     */
    public Map<String, String> labelsOf(Rule rule) {
        Map<String, String> merged = new LinkedHashMap<>(labels);
        merged.putAll(rule.labels());
        return merged;
    }
}
