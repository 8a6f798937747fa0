package dev.alertbook.template;

import java.util.Map;
import java.util.Optional;

/**
 * One element of a {@code query} result, Prometheus's {@code *template.sample}: its labels and its
 * value (a float64, or a histogram the engine represents its own way).
 */
public record QuerySample(Map<String, String> labels, Object value) implements GoObject {

    public QuerySample {
        labels = Map.copyOf(labels);
    }

    GoMap labelMap() {
        return GoMap.ofStrings(labels);
    }

    @Override
    public String typeName() {
        return "*template.sample";
    }

    @Override
    public Optional<Object> field(String name) {
        return switch (name) {
            case "Labels" -> Optional.of(labelMap());
            case "Value" -> Optional.of(value);
            default -> Optional.empty();
        };
    }
}
