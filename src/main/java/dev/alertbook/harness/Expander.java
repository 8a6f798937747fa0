package dev.alertbook.harness;

import dev.alertbook.template.AlertTemplate;
import dev.alertbook.template.AlertValues;
import dev.alertbook.template.Environment;
import dev.alertbook.template.TemplateException;

/**
 * Expands a rule's label values and annotations as Prometheus's alerting rule does. A failure
 * never fails the rule: the value becomes {@code <error expanding template: …>}, with the
 * wording of Prometheus's template expander.
 */
final class Expander {

    private Expander() {
    }

    static String expand(String ruleName, String text, AlertValues values, Environment environment) {
        String name = "__alert_" + ruleName;
        AlertTemplate template;
        try {
            template = AlertTemplate.parse(ruleName, text);
        } catch (TemplateException e) {
            return "<error expanding template: error parsing template " + name + ": " + e.getMessage() + ">";
        }
        try {
            return template.expand(values, environment);
        } catch (TemplateException e) {
            return "<error expanding template: error executing template " + name + ": " + e.getMessage() + ">";
        }
    }
}
