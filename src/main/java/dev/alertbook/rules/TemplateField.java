package dev.alertbook.rules;

import dev.alertbook.source.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A label value or annotation of an alerting rule: a template, and where its YAML value starts. */
record TemplateField(String kind, String name, String text, Position position) {

    static List<TemplateField> of(Rule rule) {
        List<TemplateField> fields = new ArrayList<>();
        add(fields, "label", rule.labels(), rule.labelPositions());
        add(fields, "annotation", rule.annotations(), rule.annotationPositions());
        return fields;
    }

    private static void add(List<TemplateField> fields, String kind, Map<String, String> values,
            Map<String, Position> positions) {
        values.forEach((name, text) -> fields.add(
                new TemplateField(kind, name, text, positions.getOrDefault(name, Position.NONE))));
    }

    /** How promtool names it in messages: {@code annotation "summary"}. */
    String describe() {
        return kind + " \"" + name + "\"";
    }
}
