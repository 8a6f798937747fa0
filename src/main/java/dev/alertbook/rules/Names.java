package dev.alertbook.rules;

import dev.alertbook.rules.GoYaml.Entry;
import java.util.List;

/**
 * Name and value checks under Prometheus 3.x's UTF-8 validation scheme, which promtool and the
 * rules manager use: any non-empty valid UTF-8 string is a valid label or metric name.
 */
final class Names {

    private static final String METRIC_NAME_LABEL = "__name__";

    private Names() {
    }

    static boolean isValidName(String name) {
        return !name.isEmpty() && isValidUtf8(name);
    }

    /** A Java string is invalid UTF-8 only through an unpaired surrogate (from a YAML escape). */
    static boolean isValidUtf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Group and rule labels: Prometheus names no position for these errors, so we point at the
     * label's name or value.
     */
    static void checkLabels(List<Entry> labels, Findings findings) {
        for (Entry label : labels) {
            if (label.key().equals(METRIC_NAME_LABEL)) {
                findings.error("rule/invalid-label-name", label.keyPosition(), "invalid label name: " + label.key(),
                        "__name__ is the metric name, which a rule cannot set through labels; remove it");
            } else if (!isValidName(label.key())) {
                findings.error("rule/invalid-label-name", label.keyPosition(), "invalid label name: " + label.key(),
                        "label names must be non-empty UTF-8 text");
            }
            if (!isValidUtf8(label.value())) {
                findings.error("rule/invalid-label-value", label.valuePosition(), "invalid label value: " + label.value(),
                        "label values must be valid UTF-8; remove the unpaired \\u escape");
            }
        }
    }

    static void checkAnnotationNames(List<Entry> annotations, Findings findings) {
        for (Entry annotation : annotations) {
            if (!isValidName(annotation.key())) {
                findings.error("rule/invalid-annotation-name", annotation.keyPosition(),
                        "invalid annotation name: " + annotation.key(), "annotation names must be non-empty UTF-8 text");
            }
        }
    }
}
