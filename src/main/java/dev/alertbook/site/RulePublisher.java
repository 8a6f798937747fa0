package dev.alertbook.site;

import dev.alertbook.diag.Diagnostics;
import dev.alertbook.model.AlertEntry;
import dev.alertbook.model.SiteModel;
import dev.alertbook.rules.RuleFile;
import dev.alertbook.source.Position;
import dev.alertbook.source.SourceFile;
import dev.alertbook.source.YamlLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Publishes the rule files under {@code /rules/} with each alert's runbook link annotation set to
 * its runbook's address, so Prometheus can load them as they are and every notification links to
 * the right page. The file is edited as text, not re-serialized, so comments, quoting and layout
 * stay exactly as the team wrote them and the published file diffs cleanly against the source.
 */
final class RulePublisher {

    /** A replacement of {@code [start, end)} in the file's text. */
    private record Edit(int start, int end, String text) {
    }

    /** An address YAML reads as it is without quotes: a {@code #} is a comment only after a space. */
    private static final Pattern PLAIN_URL = Pattern.compile("[A-Za-z0-9/][A-Za-z0-9:/._~%?=&+,;@!$*()#-]*");

    private final String annotation;
    /**
     * Per rule file, the runbook address of each alert that has one, by the rule's position. By
     * identity: hashing a rule file hashes its whole text.
     */
    private final Map<RuleFile, Map<Position, String>> links = new IdentityHashMap<>();

    RulePublisher(SiteModel model) {
        this.annotation = model.workspace().config().runbookAnnotation();
        for (AlertEntry alert : model.alerts()) {
            model.runbookUrl(alert).ifPresent(url -> links.computeIfAbsent(alert.file(), file -> new HashMap<>())
                    .put(alert.rule().position(), model.workspace().config().absoluteURL(url)));
        }
    }

    /** The file's text with every runbook link annotation filled in. */
    String publish(RuleFile file) {
        Map<Position, String> fileLinks = links.getOrDefault(file, Map.of());
        return fileLinks.isEmpty() ? file.source().text() : fill(file.source(), fileLinks);
    }

    private String fill(SourceFile source, Map<Position, String> links) {
        List<Edit> edits = new ArrayList<>();
        for (Node document : YamlLoader.documents(source, new Diagnostics())) {
            collect(document, source, links, edits);
        }
        StringBuilder text = new StringBuilder(source.text());
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        for (Edit edit : edits) {
            text.replace(edit.start(), edit.end(), edit.text());
        }
        return text.toString();
    }

    private void collect(Node node, SourceFile source, Map<Position, String> links, List<Edit> edits) {
        if (node instanceof MappingNode mapping) {
            String url = links.get(YamlLoader.position(mapping));
            if (url != null && value(mapping, "alert").isPresent()) {
                edit(mapping, url, source).ifPresent(edits::add);
            }
            mapping.getValue().forEach(tuple -> collect(tuple.getValueNode(), source, links, edits));
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> collect(item, source, links, edits));
        }
    }

    /** The edit that makes {@code rule}'s runbook annotation {@code url}, if it is not already. */
    private Optional<Edit> edit(MappingNode rule, String url, SourceFile source) {
        Optional<Node> annotations = value(rule, "annotations");
        if (annotations.isEmpty()) {
            String indent = " ".repeat(YamlLoader.position(rule).column() - 1);
            return Optional.of(insertAfter(rule, source,
                    indent + "annotations:\n" + indent + "  " + annotation + ": " + scalar(url) + "\n"));
        }
        if (!(annotations.get() instanceof MappingNode mapping)
                || mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW || mapping.getValue().isEmpty()) {
            Node node = annotations.get();
            return Optional.of(new Edit(source.offsetOf(YamlLoader.position(node)),
                    source.offsetOf(YamlLoader.endPosition(node)), "{" + annotation + ": " + scalar(url) + "}"));
        }
        Optional<Node> current = value(mapping, annotation);
        if (current.isEmpty()) {
            String indent = " ".repeat(YamlLoader.position(mapping).column() - 1);
            return Optional.of(insertAfter(mapping, source, indent + annotation + ": " + scalar(url) + "\n"));
        }
        if (YamlLoader.scalar(current.get()).filter(url::equals).isPresent()) {
            return Optional.empty();
        }
        Node value = current.get();
        return Optional.of(new Edit(source.offsetOf(YamlLoader.position(value)),
                source.offsetOf(YamlLoader.endPosition(value)), scalar(url)));
    }

    /**
     * Inserts whole lines after a block collection: after the line its last scalar ends on, so
     * blank lines and comments that follow the collection stay where they are.
     */
    private static Edit insertAfter(Node collection, SourceFile source, String lines) {
        String text = source.text();
        int end = source.offsetOf(YamlLoader.endPosition(lastScalar(collection)));
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        if (text.substring(lineStart, end).isBlank()) {
            return new Edit(lineStart, lineStart, lines);
        }
        int newline = text.indexOf('\n', end);
        return newline < 0 ? new Edit(text.length(), text.length(), "\n" + lines)
                : new Edit(newline + 1, newline + 1, lines);
    }

    private static Node lastScalar(Node node) {
        if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            return lastScalar(mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return lastScalar(sequence.getValue().get(sequence.getValue().size() - 1));
        }
        return node;
    }

    private static Optional<Node> value(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key))
                .map(NodeTuple::getValueNode)
                .findFirst();
    }

    private static String scalar(String url) {
        return PLAIN_URL.matcher(url).matches() ? url
                : "\"" + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
