package dev.alertbook.template;

import dev.alertbook.promql.ResultLabels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The made-up firing alert templates run on when alertbook checks them or shows an example: each
 * label the expression can produce set to {@code <name>}. Those are the labels the expression names
 * and can keep, and the labels the template reads that the expression can produce; a label it can
 * never produce stays unset, so it expands to nothing, as it will when the alert fires.
 */
final class ExampleValues {

    /** A plain number for checking, so comparisons such as {@code gt $value 80.0} run as in Prometheus. */
    private static final double CHECK_VALUE = 1.0;
    static final Placeholder VALUE = new Placeholder("<value>");

    private ExampleValues() {
    }

    static AlertValues forChecking(LabelReads reads, ResultLabels produced) {
        return new AlertValues(labels(reads, produced), Map.of(), "", CHECK_VALUE);
    }

    static AlertValues forExample(LabelReads reads, ResultLabels produced) {
        return new AlertValues(labels(reads, produced), Map.of(), "", VALUE);
    }

    private static Map<String, String> labels(LabelReads reads, ResultLabels produced) {
        Map<String, String> labels = new LinkedHashMap<>();
        produced.names().forEach(name -> labels.put(name, "<" + name + ">"));
        reads.names().stream().filter(produced::canHave).forEach(name -> labels.put(name, "<" + name + ">"));
        return labels;
    }
}
