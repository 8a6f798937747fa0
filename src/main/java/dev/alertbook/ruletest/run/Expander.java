package dev.alertbook.ruletest.run;

import dev.alertbook.template.AlertTemplate;
import dev.alertbook.template.AlertValues;
import dev.alertbook.template.Environment;
import dev.alertbook.template.TemplateException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a rule's label values and annotations as Prometheus's alerting rule does. A failure
 * never fails the rule: the value becomes {@code <error expanding template: …>}, with the
 * wording of Prometheus's template expander. Each template is parsed once per expander: a rule
 * expands the same templates for every alert at every evaluation step, and parsing them again
 * each time was most of the cost of running rule unit tests.
 */
final class Expander {

    /** A template parsed, or why it does not parse. */
    private record Parsed(AlertTemplate template, TemplateException error) {
    }

    private final Map<List<String>, Parsed> parsed = new HashMap<>();

    String expand(String ruleName, String text, AlertValues values, Environment environment) {
        String name = "__alert_" + ruleName;
        Parsed template = parsed.computeIfAbsent(List.of(ruleName, text), key -> parse(ruleName, text));
        if (template.error() != null) {
            return "<error expanding template: error parsing template " + name + ": " + template.error().getMessage() + ">";
        }
        try {
            return template.template().expand(values, environment);
        } catch (TemplateException e) {
            return "<error expanding template: error executing template " + name + ": " + e.getMessage() + ">";
        }
    }

    private static Parsed parse(String ruleName, String text) {
        try {
            return new Parsed(AlertTemplate.parse(ruleName, text), null);
        } catch (TemplateException e) {
            return new Parsed(null, e);
        }
    }
}
