package dev.alertbook.rules;

import dev.alertbook.diag.Diagnostic;
import dev.alertbook.diag.Diagnostics;
import dev.alertbook.diag.Severity;
import dev.alertbook.promql.ResultLabels;
import dev.alertbook.source.Position;
import dev.alertbook.source.ScalarPositions;
import dev.alertbook.template.AlertTemplate;
import dev.alertbook.template.Environment;
import dev.alertbook.template.LabelReads;
import dev.alertbook.template.TemplateException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the templates of every alerting rule's labels and annotations, where Prometheus would
 * expand them:
 *
 * <ul>
 *   <li>{@link #SYNTAX} error: not a valid Go template (promtool rejects the file)</li>
 *   <li>{@link #UNDEFINED} error: calls an unknown function or uses an undeclared variable
 *       (promtool rejects the file)</li>
 *   <li>{@link #RUNTIME} warning: fails when run on example data, as it would at every firing, or
 *       runs away (loops or output beyond alertbook's bounds)</li>
 *   <li>{@link #QUERY_NOT_RUN} info: calls {@code query}, so it is checked but not run: a check
 *       has no series to query; the rule unit tests run it</li>
 *   <li>{@link #LABEL_MISSING} warning: reads a label the rule's expression never produces</li>
 * </ul>
 *
 * Messages start like promtool's ({@code annotation "summary": template: __alert_X:1: …}).
 */
public final class TemplateChecks {

    public static final String SYNTAX = "template/syntax";
    public static final String UNDEFINED = "template/undefined";
    public static final String RUNTIME = "template/runtime";
    public static final String QUERY_NOT_RUN = "template/query-not-run";
    public static final String LABEL_MISSING = "template/label-missing";

    private final OutputLabels outputs;
    private final Diagnostics diagnostics;

    private TemplateChecks(OutputLabels outputs, Diagnostics diagnostics) {
        this.outputs = outputs;
        this.diagnostics = diagnostics;
    }

    public static void check(List<RuleFile> files, OutputLabels outputs, Diagnostics diagnostics) {
        TemplateChecks checks = new TemplateChecks(outputs, diagnostics);
        for (RuleFile file : files) {
            file.alerts().forEach(rule -> checks.check(file, rule));
        }
    }

    private void check(RuleFile file, Rule rule) {
        List<TemplateField> templates = new ArrayList<>();
        for (TemplateField field : TemplateField.of(rule)) {
            if (!AlertTemplate.isPlainText(field.text())) {
                templates.add(field);
            }
        }
        if (templates.isEmpty()) {
            return;
        }
        ResultLabels produced = outputs.of(rule);
        for (TemplateField field : templates) {
            Reporter reporter = new Reporter(diagnostics, file, field);
            try {
                AlertTemplate template = AlertTemplate.parse(rule.name(), field.text());
                LabelReads reads = template.labelReads();
                reportMissing(reporter, reads, produced);
                if (template.usesQuery()) {
                    reporter.info(QUERY_NOT_RUN, 0, "calls query, so it was checked but not run, as there is "
                            + "nothing to query here; it runs in rule unit tests (alertbook test)");
                } else {
                    run(template, reads, produced);
                }
            } catch (TemplateException e) {
                reporter.failure(e);
            }
        }
    }

    /**
     * Runs the template on example labels. A failure that goes away when every label is {@code 0}
     * comes from the {@code <name>} placeholders, not from the template, so it is not reported; if
     * the second run fails elsewhere, that failure is the template's own.
     */
    private static void run(AlertTemplate template, LabelReads reads, ResultLabels produced) throws TemplateException {
        try {
            template.expand(ExampleValues.forChecking(reads, produced), Environment.CHECK);
        } catch (TemplateException placeholders) {
            if (placeholders.kind() != TemplateException.Kind.EXECUTION) {
                throw placeholders;
            }
            try {
                template.expand(ExampleValues.forCheckingWithZeros(reads, produced), Environment.CHECK);
            } catch (TemplateException zeros) {
                throw zeros.offset() == placeholders.offset() ? placeholders : zeros;
            }
        }
    }

    private static void reportMissing(Reporter reporter, LabelReads reads, ResultLabels produced) {
        for (LabelReads.LabelRead read : reads.reads()) {
            if (!produced.canHave(read.name())) {
                reporter.warning(LABEL_MISSING, read.offset(), "reads label \"" + read.name()
                        + "\", which the results of this rule's expression never have, so it is always empty; "
                        + "keep the label in the expression (for example in by (…)) or stop using it");
            }
        }
    }

    /** Reports about one template, at positions inside its YAML value. */
    private record Reporter(Diagnostics diagnostics, RuleFile file, TemplateField field) {
        Position position(int offset) {
            return ScalarPositions.position(file.source(), field.position(), field.text(), offset);
        }

        void failure(TemplateException e) {
            Position at = position(e.offset());
            String path = file.path();
            String message = field.describe() + ": " + e.getMessage() + "; ";
            switch (e.kind()) {
                case SYNTAX -> diagnostics.error(SYNTAX, path, at, message
                        + "fix the template syntax (actions are {{ … }}, strings in double quotes)");
                case UNDEFINED -> diagnostics.error(UNDEFINED, path, at, message
                        + "use one of Go's or Prometheus's template functions, and only variables declared "
                        + "before use ($labels, $value, $externalLabels, $externalURL)");
                case LIMIT -> diagnostics.warning(RUNTIME, path, at, message
                        + "Prometheus would run it to the end for every alert, so make its loops and output smaller");
                default -> diagnostics.warning(RUNTIME, path, at, message
                        + "Prometheus would put this error text into the alert instead of the expansion");
            }
        }

        void warning(String checkId, int offset, String message) {
            diagnostics.warning(checkId, file.path(), position(offset), field.describe() + " " + message);
        }

        void info(String checkId, int offset, String message) {
            diagnostics.report(new Diagnostic(checkId, Severity.INFO, file.path(), position(offset),
                    field.describe() + " " + message));
        }
    }
}
