package dev.alertbook.rules;

import dev.alertbook.promql.ResultLabels;
import dev.alertbook.template.AlertValues;
import dev.alertbook.template.LabelReads;
import dev.alertbook.template.Placeholder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

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
        return new AlertValues(labels(reads, produced, ExampleValues::placeholder), Map.of(), "", CHECK_VALUE);
    }

    /**
     * The same alert with every label {@code 0}: a template that fails on the placeholders but
     * runs on this fails only for what a label holds, which is not known before the alert fires
     * ({@code $labels.le | humanize} cannot read {@code <le>} as a number).
     */
    static AlertValues forCheckingWithZeros(LabelReads reads, ResultLabels produced) {
        return new AlertValues(labels(reads, produced, name -> "0"), Map.of(), "", CHECK_VALUE);
    }

    static AlertValues forExample(LabelReads reads, ResultLabels produced) {
        return new AlertValues(labels(reads, produced, ExampleValues::placeholder), Map.of(), "", VALUE);
    }

    private static String placeholder(String name) {
        return "<" + name + ">";
    }

    private static Map<String, String> labels(LabelReads reads, ResultLabels produced, UnaryOperator<String> value) {
        Map<String, String> labels = new LinkedHashMap<>();
        produced.names().forEach(name -> labels.put(name, value.apply(name)));
        reads.names().stream().filter(produced::canHave).forEach(name -> labels.put(name, value.apply(name)));
        return labels;
    }
}
