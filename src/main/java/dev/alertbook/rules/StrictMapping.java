package dev.alertbook.rules;

import dev.alertbook.source.YamlLoader;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fields of one YAML mapping as Go's yaml.v3 sees them when it decodes into a struct: merge
 * keys ({@code <<: *anchor}) are expanded with explicit keys winning, and with
 * {@code KnownFields(true)} (which promtool uses) every other key is an error.
 */
final class StrictMapping {

    private static final String MERGE_ERROR = "map merge requires map or sequence of maps as the value";

    private final Map<String, NodeTuple> fields;

    private StrictMapping(Map<String, NodeTuple> fields) {
        this.fields = fields;
    }

    /** Reads {@code mapping}, reporting repeated keys and merge keys that do not merge a mapping. */
    static StrictMapping of(MappingNode mapping, Findings findings) {
        Map<String, NodeTuple> explicit = YamlLoader.entries(mapping, findings.source(), findings.diagnostics());
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        // Merged keys take the place of the << key, so file order stays what the reader sees.
        explicit.forEach((key, tuple) -> {
            if (isMerge(tuple)) {
                merge(tuple.getValueNode(), explicit, fields, findings, identitySet());
            } else {
                fields.put(key, tuple);
            }
        });
        return new StrictMapping(fields);
    }

    /** The fields of a YAML null, which Go decodes as a struct with nothing set. */
    static StrictMapping empty() {
        return new StrictMapping(Map.of());
    }

    /** Reports each key that is not one of {@code known}, as yaml.v3 does for a Go struct. */
    StrictMapping rejectUnknown(String goType, List<String> known, Findings findings) {
        fields.forEach((key, tuple) -> {
            if (!known.contains(key)) {
                findings.error("rule/unknown-field", YamlLoader.position(tuple.getKeyNode()),
                        "field " + key + " not found in type " + goType,
                        FieldNames.suggest(key, known));
            }
        });
        return this;
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(fields.get(key)).map(NodeTuple::getValueNode);
    }

    Collection<NodeTuple> tuples() {
        return Collections.unmodifiableCollection(fields.values());
    }

    private static boolean isMerge(NodeTuple tuple) {
        return Tag.MERGE.equals(tuple.getKeyNode().getTag());
    }

    private static void merge(Node source, Map<String, NodeTuple> explicit, Map<String, NodeTuple> into,
            Findings findings, Set<Node> seen) {
        if (!seen.add(source)) {
            return; // an anchor that merges itself would otherwise recurse for ever
        }
        if (source instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (isMerge(tuple)) {
                    merge(tuple.getValueNode(), explicit, into, findings, seen);
                } else {
                    YamlLoader.scalar(tuple.getKeyNode())
                            .filter(key -> !explicit.containsKey(key))
                            .ifPresent(key -> into.putIfAbsent(key, tuple));
                }
            }
        } else if (source instanceof SequenceNode sequence
                && sequence.getValue().stream().allMatch(MappingNode.class::isInstance)) {
            sequence.getValue().forEach(item -> merge(item, explicit, into, findings, seen));
        } else {
            findings.error("rule/wrong-type", YamlLoader.position(source), MERGE_ERROR,
                    "merge (<<) only an anchored mapping such as *defaults, or a list of them");
        }
    }

    private static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
