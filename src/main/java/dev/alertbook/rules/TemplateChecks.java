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
 * expand them: that they parse and name only known functions and variables (as promtool checks),
 * that they run on example data, and that the labels they read are ones the expression returns.
 * A template calling {@code query} is checked but not run: there are no series to query outside
 * the rule unit tests. The checks ({@code template/…}) are described in docs/checks.md.
 *
 * Messages start like promtool's ({@code annotation "summary": template: __alert_X:1: …}).
 */
public final class TemplateChecks {

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
                    reporter.info("template/query-not-run", 0, "calls query, so it was checked but not run, as there is "
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
                reporter.warning("template/label-missing", read.offset(), "reads label \"" + read.name()
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
                case SYNTAX -> diagnostics.error("template/syntax", path, at, message
                        + "fix the template syntax (actions are {{ … }}, strings in double quotes)");
                case UNDEFINED -> diagnostics.error("template/undefined", path, at, message
                        + "use one of Go's or Prometheus's template functions, and only variables declared "
                        + "before use ($labels, $value, $externalLabels, $externalURL)");
                case LIMIT -> diagnostics.warning("template/runtime", path, at, message
                        + "Prometheus would run it to the end for every alert, so make its loops and output smaller");
                default -> diagnostics.warning("template/runtime", path, at, message
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
