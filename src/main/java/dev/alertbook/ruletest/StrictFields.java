package dev.alertbook.ruletest;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The YAML of a test file read the way promtool reads it, with yaml.v2 {@code UnmarshalStrict}
 * into Go structs: a key the struct lacks and a repeated key are errors, and a value of the wrong
 * kind is Go's "cannot unmarshal" error. Each problem is reported at its position.
 */
final class StrictFields {

    private final SourceFile source;
    private final Diagnostics diagnostics;

    StrictFields(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    void error(String checkId, Node node, String message) {
        error(checkId, YamlLoader.position(node), message);
    }

    void error(String checkId, Position position, String message) {
        diagnostics.error(checkId, source.path(), position, message);
    }

    void warning(String checkId, Position position, String message) {
        diagnostics.warning(checkId, source.path(), position, message);
    }

    /** The fields of a mapping of Go type {@code goType}; YAML null reads as a struct with nothing set. */
    Optional<Map<String, Node>> struct(Node node, String goType, List<String> known) {
        if (isNull(node)) {
            return Optional.of(Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            error("test/wrong-type", node, "cannot unmarshal " + YamlLoader.kind(node) + " into " + goType);
            return Optional.empty();
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        YamlLoader.entries(mapping, source, diagnostics).forEach((key, tuple) -> {
            if (known.contains(key)) {
                fields.put(key, tuple.getValueNode());
            } else {
                error("test/unknown-field", tuple.getKeyNode(), "field " + key + " not found in type " + goType);
            }
        });
        return Optional.of(fields);
    }

    /** The items of a list; YAML null is an empty list. */
    List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (!isNull(node)) {
            error("test/wrong-type", node, "cannot unmarshal " + YamlLoader.kind(node) + " into " + what);
        }
        return List.of();
    }

    /** The text of a scalar as Go's string decoding sees it: a number keeps its written text. */
    Optional<String> string(Node node) {
        if (node instanceof ScalarNode) {
            return Optional.of(YamlLoader.scalar(node).orElse(""));
        }
        error("test/wrong-type", node, "cannot unmarshal " + YamlLoader.kind(node) + " into string");
        return Optional.empty();
    }

    /** A {@code map[string]string}, in file order. */
    Map<String, String> stringMap(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            error("test/wrong-type", node, "cannot unmarshal " + YamlLoader.kind(node) + " into map[string]string");
            return out;
        }
        for (Map.Entry<String, NodeTuple> entry : YamlLoader.entries(mapping, source, diagnostics).entrySet()) {
            string(entry.getValue().getValueNode()).ifPresent(value -> out.put(entry.getKey(), value));
        }
        return out;
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode && YamlLoader.scalar(node).isEmpty();
    }
}
