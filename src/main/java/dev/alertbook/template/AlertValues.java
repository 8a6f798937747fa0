package dev.alertbook.template;

import java.util.Map;

/**
 * What an alert's label and annotation templates see when an alert fires: the labels and value of
 * the sample, and the server's external labels and URL.
 *
 * @param value a {@code Double}, or a {@link Placeholder} for example renderings
 */
public record AlertValues(Map<String, String> labels, Map<String, String> externalLabels, String externalURL,
        Object value) {

    public AlertValues {
        labels = Map.copyOf(labels);
        externalLabels = Map.copyOf(externalLabels);
    }

    AlertData data() {
        return new AlertData(GoMap.ofStrings(labels), GoMap.ofStrings(externalLabels), externalURL, value);
    }
}
