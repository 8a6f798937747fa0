package dev.alertbook.template;

import dev.alertbook.template.Node.IdentifierNode;

/**
 * One label value or annotation of an alerting rule as Prometheus treats it: the text, behind the
 * variable definitions Prometheus puts in front ({@code $labels}, {@code $value}, …), parsed as
 * template {@code __alert_<name>}. Offsets in errors count in the user's text, without that prefix;
 * Go's own messages still count columns from the start of the prefixed text, as Prometheus prints them.
 */
public final class AlertTemplate {

    static final String PREFIX = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
            + "{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    private final Template template;
    private final boolean usesQuery;
    private final LabelReads labelReads;

    private AlertTemplate(Template template) {
        this.template = template;
        this.usesQuery = Trees.anyNode(template.trees(), n -> n instanceof IdentifierNode id && id.name().equals("query"));
        this.labelReads = LabelReads.of(template.trees().get(template.name()), PREFIX.length());
    }

    /** Parses the template and walks its tree, all on a stack as deep as the tree may be. */
    public static AlertTemplate parse(String alertName, String text) throws TemplateException {
        try {
            return DeepStack.run(PREFIX + text, () -> new AlertTemplate(Template.parse("__alert_" + alertName, PREFIX + text)));
        } catch (TemplateException e) {
            throw userOffset(e);
        }
    }

    /**
     * Whether {@code text} has no action: it then expands to itself, so parsing and running it
     * can find nothing. Most label values are such text.
     */
    public static boolean isPlainText(String text) {
        return !text.contains("{{") && text.length() <= Executor.MAX_OUTPUT;
    }

    /** Whether the template calls {@code query}, which needs the PromQL engine to run. */
    public boolean usesQuery() {
        return usesQuery;
    }

    /** The labels of {@code $labels} the template reads, from its parse tree. */
    public LabelReads labelReads() {
        return labelReads;
    }

    /** The expanded text, or Go's error; {@code query} calls go to the environment's engine. */
    public String expand(AlertValues values, Environment environment) throws TemplateException {
        try {
            return template.execute(values.data(), environment);
        } catch (TemplateException e) {
            throw userOffset(e);
        }
    }

    private static TemplateException userOffset(TemplateException e) {
        return new TemplateException(e.kind(), e.getMessage(), Math.max(0, e.offset() - PREFIX.length()));
    }
}
