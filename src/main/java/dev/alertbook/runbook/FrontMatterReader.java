package dev.alertbook.runbook;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.source.PlainValues;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads Hugo-style front matter: YAML between a first line {@code ---} and the next {@code ---} line. */
final class FrontMatterReader {

    private static final String FENCE = "---";

    /** The front matter and the offset where the body starts (0 when there is no front matter). */
    record Split(FrontMatter frontMatter, int bodyStart) {
    }

    private FrontMatterReader() {
    }

    static Split read(SourceFile source, Diagnostics diagnostics) {
        String text = source.text();
        // SourceReader drops a byte-order mark; one left in text built elsewhere must not hide the fence.
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int firstLineEnd = Lines.end(text, start);
        if (!isFence(text, start, firstLineEnd)) {
            return new Split(FrontMatter.empty(), 0);
        }
        int yamlStart = Lines.next(text, firstLineEnd);
        for (int line = yamlStart; line < text.length(); ) {
            int end = Lines.end(text, line);
            if (isFence(text, line, end)) {
                return new Split(parse(source, text.substring(yamlStart, line), diagnostics), Lines.next(text, end));
            }
            line = Lines.next(text, end);
        }
        diagnostics.error("runbook/front-matter-unterminated", source.path(), Position.START,
                "front matter opened with '---' is never closed; add a '---' line after the last front matter line");
        return new Split(FrontMatter.empty(), 0);
    }

    private static FrontMatter parse(SourceFile source, String yaml, Diagnostics diagnostics) {
        Optional<Node> document = YamlLoader.embedded(source, yaml, 2, diagnostics);
        if (document.isEmpty()) {
            return FrontMatter.empty();
        }
        if (!(document.get() instanceof MappingNode mapping)) {
            diagnostics.error("runbook/front-matter-not-mapping", source.path(), YamlLoader.position(document.get()),
                    "front matter is " + YamlLoader.kind(document.get())
                            + ", not a mapping; write one 'key: value' per line, like 'title: Disk full'");
            return FrontMatter.empty();
        }
        PlainValues plain = PlainValues.ofThisThread();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : YamlLoader.entries(mapping, source, diagnostics).entrySet()) {
            String key = entry.getKey();
            positions.put(key, YamlLoader.position(entry.getValue().getKeyNode()));
            values.put(key, value(source, key, entry.getValue().getValueNode(), plain, diagnostics));
        }
        return new FrontMatter(values, positions);
    }

    private static Object value(SourceFile source, String key, Node node, PlainValues plain, Diagnostics diagnostics) {
        Object value;
        try {
            value = plain.value(node);
        } catch (YAMLException | IllegalArgumentException e) {
            diagnostics.error("runbook/front-matter-type", source.path(), YamlLoader.position(node),
                    "cannot read the value of '" + key + "' (" + String.valueOf(e.getMessage()).strip().replace('\n', ' ')
                            + "); remove its tag or quote it");
            return null;
        }
        Optional<FrontMatterKey> known = FrontMatterKey.of(key);
        if (value == null || known.isEmpty()) {
            return value;
        }
        Optional<Object> typed = known.get().read(node, value);
        if (typed.isEmpty()) {
            diagnostics.error("runbook/front-matter-type", source.path(), YamlLoader.position(node),
                    "'" + key + "' cannot be " + describe(node) + "; " + known.get().hint());
        }
        return typed.orElse(value);
    }

    private static String describe(Node node) {
        return YamlLoader.scalar(node).map(text -> '"' + text + '"').orElseGet(() -> YamlLoader.kind(node));
    }

    private static boolean isFence(String text, int start, int end) {
        return text.substring(start, end).stripTrailing().equals(FENCE);
    }
}
