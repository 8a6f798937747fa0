package dev.alertbook.template;

import java.util.Optional;

/**
 * The dot of an alert template, Prometheus's {@code AlertTemplateData}: the labels of the sample
 * that fired, the external labels and URL, and the sample's value.
 */
record AlertData(GoMap labels, GoMap externalLabels, String externalURL, Object value) implements GoObject {

    @Override
    public String typeName() {
        return "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; "
                + "Value interface {} }";
    }

    @Override
    public Optional<Object> field(String name) {
        return switch (name) {
            case "Labels" -> Optional.of(labels);
            case "ExternalLabels" -> Optional.of(externalLabels);
            case "ExternalURL" -> Optional.of(externalURL);
            case "Value" -> Optional.of(value);
            default -> Optional.empty();
        };
    }
}
