package dev.alertbook.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * promtool's {@code duplicate-rules} lint: rules with the same name and the same labels (group
 * labels merged under the rule's) write the same series or alert, whatever their expressions.
 */
final class DuplicateRules {

    private record Key(String name, SortedMap<String, String> labels) {
    }

    private DuplicateRules() {
    }

    /**
     * One warning per repeated name and labels, at its second occurrence. promtool prints one
     * multi-line message for the whole file; we give each repeat its own one-line finding, with
     * promtool's text for that rule.
     */
    static void report(List<RuleGroup> groups, Findings findings) {
        Map<Key, List<Rule>> byKey = new LinkedHashMap<>();
        for (RuleGroup group : groups) {
            for (Rule rule : group.rules()) {
                byKey.computeIfAbsent(new Key(rule.name(), new TreeMap<>(group.labelsOf(rule))), key -> new ArrayList<>())
                        .add(rule);
            }
        }
        byKey.forEach((key, rules) -> {
            if (rules.size() > 1) {
                String labels = key.labels().entrySet().stream()
                        .map(label -> label.getKey() + ": " + label.getValue())
                        .collect(Collectors.joining(", "));
                String lines = rules.stream().filter(rule -> rule != rules.get(1))
                        .map(rule -> String.valueOf(rule.position().line()))
                        .collect(Collectors.joining(", "));
                findings.warning("rule/duplicate", rules.get(1).position(),
                        "lint error 1 duplicate rule(s) found. Metric: " + key.name() + " Label(s):"
                                + (labels.isEmpty() ? "" : " " + labels) + " Might cause inconsistency while recording expressions",
                        "the same name and labels are also at line(s) " + lines
                                + "; remove the repeats or tell them apart with a label");
            }
        });
    }
}
