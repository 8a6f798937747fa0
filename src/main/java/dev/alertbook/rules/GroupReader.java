package dev.alertbook.rules;

import dev.alertbook.source.Position;
import dev.alertbook.source.YamlLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a {@code groups:} list and runs rulefmt's group checks ({@code RuleGroups.Validate}). */
final class GroupReader {

    /** The fields of {@code rulefmt.RuleGroup}. */
    static final List<String> FIELDS = List.of("name", "interval", "query_offset", "limit", "rules", "labels");

    /**
     * The Prometheus Operator's rule group also has {@code partial_response_strategy} (for Thanos
     * Ruler); it drops it when it writes the rule file for Prometheus, so it is no error there.
     */
    static final List<String> OPERATOR_FIELDS = List.of(
            "name", "interval", "query_offset", "limit", "rules", "labels", "partial_response_strategy");

    private final Findings findings;
    private final GoYaml values;
    private final RuleReader rules;

    GroupReader(Findings findings, RuleText text) {
        this.findings = findings;
        this.values = new GoYaml(findings);
        this.rules = new RuleReader(findings, values, text);
    }

    /** The groups of one document; names need only be unique within it. */
    List<RuleGroup> read(Optional<Node> groupsNode, List<String> fields) {
        List<RuleGroup> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> items = groupsNode.map(node -> values.list(node, "[]rulefmt.RuleGroup")).orElse(List.of());
        for (Node item : items) {
            values.struct(item, "rulefmt.RuleGroup", fields)
                    .map(group -> read(group, YamlLoader.position(item), names))
                    .ifPresent(groups::add);
        }
        return List.copyOf(groups);
    }

    private RuleGroup read(StrictMapping group, Position position, Set<String> names) {
        String name = group.value("name").flatMap(values::string).orElse("");
        if (name.isEmpty()) {
            findings.error("rule/group-name-empty", position, "Groupname must not be empty",
                    "give the group a name: that is unique within the file");
        }
        if (!names.add(name)) {
            findings.error("rule/group-name-repeated", position,
                    "groupname: \"" + name + "\" is repeated in the same file",
                    "rename one of the groups or merge their rules into one");
        }
        List<GoYaml.Entry> labels = group.value("labels").map(values::stringMap).orElse(List.of());
        Names.checkLabels(labels, findings);
        Optional<String> interval = group.value("interval").flatMap(values::duration);
        Optional<String> queryOffset = group.value("query_offset").flatMap(values::duration);
        Optional<Integer> limit = group.value("limit").flatMap(values::integer);
        List<Rule> groupRules = new ArrayList<>();
        List<Node> items = group.value("rules").map(list -> values.list(list, "[]rulefmt.Rule")).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            rules.read(items.get(i), name, i + 1).ifPresent(groupRules::add);
        }
        return new RuleGroup(name, position, interval, queryOffset, limit,
                GoYaml.ordered(labels, GoYaml.Entry::value), List.copyOf(groupRules));
    }
}
