package dev.alertbook.rules;

import dev.alertbook.promql.ResultLabels;
import dev.alertbook.template.AlertTemplate;
import dev.alertbook.template.Environment;
import dev.alertbook.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule's annotations as an alert will show them, with {@code <label>} and {@code <value>}
 * placeholders for what is known only when it fires, for the runbook page. A template that cannot
 * be shown this way (it calls {@code query}, compares the value, or does not parse) is shown as
 * written, with a note saying why.
 */
public final class ExampleRendering {

    /** The text to show and, if it is not an expansion, why. */
    public record Example(String text, String note) {
    }

    private ExampleRendering() {
    }

    public static Map<String, Example> annotations(Rule rule, OutputLabels outputs) {
        ResultLabels produced = outputs.of(rule);
        Map<String, Example> examples = new LinkedHashMap<>();
        rule.annotations().forEach((name, text) -> examples.put(name, example(rule.name(), text, produced)));
        return examples;
    }

    private static Example example(String alert, String text, ResultLabels produced) {
        try {
            AlertTemplate template = AlertTemplate.parse(alert, text);
            if (template.usesQuery()) {
                return new Example(text, "uses query, which runs only in rule unit tests");
            }
            return new Example(template.expand(ExampleValues.forExample(template.labelReads(), produced),
                    Environment.CHECK), "");
        } catch (TemplateException e) {
            return new Example(text, switch (e.kind()) {
                case EXECUTION -> "needs a real value to expand";
                case LIMIT -> "expands to too much text to show";
                default -> "does not parse";
            });
        }
    }
}
