package dev.alertbook.runbook;

import dev.alertbook.source.YamlLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The front matter keys alertbook reads itself, each with the one type it accepts. */
enum FrontMatterKey {
    TITLE(Type.TEXT), DESCRIPTION(Type.TEXT), ALERT(Type.TEXT), RULE(Type.TEXT), OWNER(Type.TEXT),
    SEVERITY(Type.TEXT), DATE(Type.TEXT), KIND(Type.TEXT), TAGS(Type.TEXT_LIST), ALIASES(Type.TEXT_LIST),
    DRAFT(Type.BOOLEAN), WEIGHT(Type.INTEGER);

    private enum Type { TEXT, TEXT_LIST, BOOLEAN, INTEGER }

    /** By key as written; looked up for every key of every runbook. */
    private static final Map<String, FrontMatterKey> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FrontMatterKey::key, key -> key));

    private final Type type;

    FrontMatterKey(Type type) {
        this.type = type;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FrontMatterKey> of(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * The value {@code node} holds for this key, or empty when it has the wrong type. Text keys give
     * the text as written, so {@code alert: 1e3} is the alert "1e3" and not the number 1000.
     */
    Optional<Object> read(Node node, Object plain) {
        return switch (type) {
            case TEXT -> YamlLoader.scalar(node).map(Object.class::cast);
            case TEXT_LIST -> texts(node).map(Object.class::cast);
            case BOOLEAN -> Optional.of(plain).filter(Boolean.class::isInstance);
            case INTEGER -> Optional.of(plain).filter(Integer.class::isInstance);
        };
    }

    /** What to write instead, for the message when a value has the wrong type. */
    String hint() {
        return switch (type) {
            case TEXT -> "write it as text: " + key() + ": some text";
            case TEXT_LIST -> "write it as a list of text: " + key() + ": [first, second]";
            case BOOLEAN -> "write " + key() + ": true or " + key() + ": false";
            case INTEGER -> "write a whole number: " + key() + ": 10";
        };
    }

    private static Optional<List<String>> texts(Node node) {
        if (!(node instanceof SequenceNode sequence)) {
            return Optional.empty();
        }
        List<Optional<String>> items = sequence.getValue().stream().map(YamlLoader::scalar).toList();
        return items.stream().allMatch(Optional::isPresent)
                ? Optional.of(items.stream().map(Optional::get).toList())
                : Optional.empty();
    }
}
