package dev.alertbook.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Position-aware YAML shared by every reader: composes node trees (which keep line and column of
 * every value) instead of plain Java objects, and turns YAML errors into diagnostics.
 */
public final class YamlLoader {

    /** YAML 1.1's implicit tags; it only reads its tables once built, so every thread shares one. */
    private static final Resolver RESOLVER = new Resolver();

    private YamlLoader() {
    }

    /** Every document of a multi-document file; none if the file is not valid YAML. */
    public static List<Node> documents(SourceFile source, Reporter diagnostics) {
        return compose(source, source.text(), diagnostics);
    }

    /**
     * One embedded YAML document (front matter) starting at {@code firstLine} of {@code source},
     * so positions point into the whole file.
     */
    public static Optional<Node> embedded(SourceFile source, String yaml, int firstLine, Reporter diagnostics) {
        String padded = "\n".repeat(Math.max(0, firstLine - 1)) + yaml;
        List<Node> docs = compose(source, padded, diagnostics);
        return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
    }

    private static List<Node> compose(SourceFile source, String text, Reporter diagnostics) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(100);
        options.setCodePointLimit(Math.max(text.length() + 1, 3 * 1024 * 1024));
        List<Node> docs = new ArrayList<>();
        try {
            // Node trees are all we read, so no Yaml facade: building its constructor and
            // representer for every file cost more than composing a front matter.
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options);
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node != null) {
                    docs.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            diagnostics.error("yaml/syntax", source.path(), mark == null ? Position.START : position(mark),
                    "invalid YAML: " + describe(e) + "; fix the syntax (indent with spaces, quote values that contain ': ' or start with special characters)");
            return List.of();
        } catch (YAMLException e) {
            diagnostics.error("yaml/syntax", source.path(), Position.START, "invalid YAML: " + e.getMessage());
            return List.of();
        }
        return docs;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : e.getContext().strip();
        String text = context.isEmpty() ? problem : problem + " (" + context + ")";
        return text.replace("\t", "\\t").replace('\n', ' ');
    }

    public static Position position(Node node) {
        return position(node.getStartMark());
    }

    /** Where a node's text ends: just after a scalar, or where the next token starts for collections. */
    public static Position endPosition(Node node) {
        return position(node.getEndMark());
    }

    private static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * The entries of a mapping by key, in file order. A key given twice is an error in Go's YAML
     * decoder (and so in Prometheus), so it is reported here for every reader.
     */
    public static Map<String, NodeTuple> entries(MappingNode mapping, SourceFile source, Reporter diagnostics) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(keyNode.getNodeId());
            NodeTuple earlier = entries.putIfAbsent(key, tuple);
            if (earlier != null) {
                diagnostics.error("yaml/duplicate-key", source.path(), position(keyNode),
                        "mapping key \"" + key + "\" already defined at line "
                                + position(earlier.getKeyNode()).line() + "; remove one of them");
            }
        }
        return entries;
    }

    /** The text of a scalar, or empty for a missing value, YAML null, a list or a mapping. */
    public static Optional<String> scalar(Node node) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().getValue().endsWith(":null")) {
            return Optional.of(scalar.getValue());
        }
        return Optional.empty();
    }

    /** A short name for what kind of YAML value {@code node} is, for messages. */
    public static String kind(Node node) {
        return switch (node.getNodeId()) {
            case scalar -> scalar(node).isPresent() ? "a scalar" : "null";
            case sequence -> "a list";
            case mapping -> "a mapping";
            default -> "an alias";
        };
    }
}
