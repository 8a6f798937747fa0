package dev.alertbook.template;

import dev.alertbook.template.Node.ListNode;
import java.util.Map;

/**
 * A parsed Go text/template with Prometheus's function map: parse once, run many times. Errors
 * carry Go's messages and the offset in the parsed text they concern.
 */
public final class Template {

    private final String name;
    private final String text;
    private final Map<String, ListNode> trees;

    private Template(String name, String text, Map<String, ListNode> trees) {
        this.name = name;
        this.text = text;
        this.trees = trees;
    }

    /** Parses {@code text} as template {@code name}, knowing Go's and Prometheus's functions. */
    public static Template parse(String name, String text) throws TemplateException {
        return new Template(name, text, Map.copyOf(DeepStack.run(text, () -> TemplateParser.parse(name, text, PrometheusFunctions.NAMES))));
    }

    String name() {
        return name;
    }

    Map<String, ListNode> trees() {
        return trees;
    }

    /** Runs the template on {@code data} with {@code missingkey=zero}, as Prometheus does. */
    String execute(Object data, Environment environment) throws TemplateException {
        return DeepStack.run(text, () -> new Executor(name, text, trees, PrometheusFunctions.create(environment)).execute(data));
    }
}
