package dev.alertbook.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The made-up firing alert templates run on when alertbook checks them or shows an example: each
 * label the expression can produce (or, while that is unknown, each label the template reads) set
 * to {@code <name>}.
 */
final class ExampleValues {

    /** A plain number for checking, so comparisons such as {@code gt $value 80.0} run as in Prometheus. */
    private static final double CHECK_VALUE = 1.0;
    static final Placeholder VALUE = new Placeholder("<value>");

    private ExampleValues() {
    }

    static AlertValues forChecking(LabelReads reads, Optional<Set<String>> produced) {
        return new AlertValues(labels(reads, produced), Map.of(), "", CHECK_VALUE);
    }

    static AlertValues forExample(LabelReads reads, Optional<Set<String>> produced) {
        return new AlertValues(labels(reads, produced), Map.of(), "", VALUE);
    }

    private static Map<String, String> labels(LabelReads reads, Optional<Set<String>> produced) {
        Map<String, String> labels = new LinkedHashMap<>();
        produced.orElseGet(reads::names).forEach(name -> labels.put(name, "<" + name + ">"));
        return labels;
    }
}
