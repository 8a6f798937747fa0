package dev.alertbook.runbook;

import dev.alertbook.source.Position;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML front matter of a runbook as plain Java values in file order. Unknown keys are kept so
 * templates can reach what a team adds (srerun writes {@code editor}, {@code dateCreated}, ...).
 * The known text keys hold the text as written ({@code alert: 1e3} stays {@code "1e3"}); a known
 * key whose value has the wrong type keeps its raw value, and the typed accessors ignore it.
 * {@code positions} holds where each key is written.
 */
public record FrontMatter(Map<String, Object> values, Map<String, Position> positions) {

    private static final FrontMatter EMPTY = new FrontMatter(Map.of(), Map.of());

    public FrontMatter {
        // LinkedHashMap rather than Map.copyOf: keeps file order and YAML nulls.
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    public static FrontMatter empty() {
        return EMPTY;
    }

    /** A scalar value as text; empty when absent, null, a list or a mapping. */
    public Optional<String> string(String key) {
        Object value = values.get(key);
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? Optional.of(value.toString())
                : Optional.empty();
    }

    public Optional<String> title() {
        return string("title");
    }

    public Optional<String> description() {
        return string("description");
    }

    public Optional<String> alert() {
        return string("alert");
    }

    public Optional<String> rule() {
        return string("rule");
    }

    public Optional<String> owner() {
        return string("owner");
    }

    public Optional<String> severity() {
        return string("severity");
    }

    public Optional<String> date() {
        return string("date");
    }

    public List<String> tags() {
        return strings("tags");
    }

    public List<String> aliases() {
        return strings("aliases");
    }

    /** Marked {@code kind: page}: a page of documentation, tied to no alert. */
    public boolean isPage() {
        return string("kind").filter("page"::equals).isPresent();
    }

    public boolean draft() {
        return Boolean.TRUE.equals(values.get("draft"));
    }

    public Optional<Integer> weight() {
        return values.get("weight") instanceof Integer weight ? Optional.of(weight) : Optional.empty();
    }

    public Position position(String key) {
        return positions.getOrDefault(key, Position.NONE);
    }

    private List<String> strings(String key) {
        if (values.get(key) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return List.of();
    }
}
