package dev.alertbook.site;

import dev.alertbook.rules.RuleFile;
import dev.alertbook.source.Position;
import dev.alertbook.source.YamlLoader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Publishes the rule files under {@code /rules/} with each alert's runbook link annotation set to
 * its runbook's address, so Prometheus can load them as they are and every notification links to
 * the right page. Comments and layout survive as far as SnakeYAML's round trip allows.
 */
final class RulePublisher {

    record Published(String path, String yaml) {
    }

    private final SiteModel model;

    RulePublisher(SiteModel model) {
        this.model = model;
    }

    List<Published> publish() {
        Map<RuleFile, Map<Position, String>> links = new HashMap<>();
        for (AlertEntry alert : model.alerts()) {
            model.runbookOf(alert).ifPresent(page -> links.computeIfAbsent(alert.file(), file -> new HashMap<>())
                    .put(alert.rule().position(), model.workspace().config().absoluteURL(page.url())));
        }
        List<Published> published = new ArrayList<>();
        for (RuleFile file : model.workspace().ruleFiles()) {
            published.add(new Published(model.workspace().rulePath(file),
                    fill(file.source().text(), links.getOrDefault(file, Map.of()))));
        }
        return published;
    }

    private String fill(String text, Map<Position, String> links) {
        if (links.isEmpty()) {
            return text;
        }
        LoaderOptions loading = new LoaderOptions();
        loading.setProcessComments(true);
        loading.setAllowDuplicateKeys(true);
        loading.setCodePointLimit(Math.max(text.length() + 1, 3 * 1024 * 1024));
        DumperOptions dumping = new DumperOptions();
        dumping.setProcessComments(true);
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setIndent(2);
        dumping.setIndicatorIndent(0);
        dumping.setWidth(Integer.MAX_VALUE);
        dumping.setSplitLines(false);
        Yaml yaml = new Yaml(loading);
        StringWriter out = new StringWriter();
        boolean first = true;
        for (Node document : yaml.composeAll(new StringReader(text))) {
            if (document == null) {
                continue;
            }
            visit(document, links);
            if (!first) {
                out.write("---\n");
            }
            first = false;
            new Yaml(dumping).serialize(document, out);
        }
        return out.toString();
    }

    /** Sets the annotation on every rule mapping whose position has a runbook. */
    private void visit(Node node, Map<Position, String> links) {
        if (node instanceof MappingNode mapping) {
            String url = links.get(YamlLoader.position(mapping));
            if (url != null && hasKey(mapping, "alert")) {
                setAnnotation(mapping, model.workspace().config().runbookAnnotation(), url);
            }
            mapping.getValue().forEach(tuple -> visit(tuple.getValueNode(), links));
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> visit(item, links));
        }
    }

    private static boolean hasKey(MappingNode mapping, String key) {
        return mapping.getValue().stream().anyMatch(tuple -> key(tuple).equals(key));
    }

    private static String key(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    private static void setAnnotation(MappingNode rule, String name, String url) {
        MappingNode annotations = rule.getValue().stream()
                .filter(tuple -> key(tuple).equals("annotations") && tuple.getValueNode() instanceof MappingNode)
                .map(tuple -> (MappingNode) tuple.getValueNode())
                .findFirst()
                .orElseGet(() -> {
                    MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                    rule.getValue().add(new NodeTuple(scalar("annotations"), created));
                    return created;
                });
        List<NodeTuple> entries = annotations.getValue();
        NodeTuple link = new NodeTuple(scalar(name), scalar(url));
        for (int i = 0; i < entries.size(); i++) {
            if (key(entries.get(i)).equals(name)) {
                entries.set(i, link);
                return;
            }
        }
        entries.add(link);
    }

    private static ScalarNode scalar(String value) {
        return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
    }
}
