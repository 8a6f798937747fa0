package dev.alertbook.lint;

import dev.alertbook.diag.Severity;

/**
 * {@code rule/record-name}: a recording rule not named {@code level:metric:operations} (such as
 * {@code job:http_requests:rate5m}), the Prometheus convention that tells at a glance which labels
 * remain, what was measured and how, and keeps recorded series apart from scraped ones.
 */
final class RecordNameConvention extends CheckBase implements RuleCheck {

    RecordNameConvention() {
        super("rule/record-name", Severity.WARNING);
    }

    @Override
    public void check(RuleEntry rule, LintContext context) {
        if (rule.rule().isAlert()) {
            return;
        }
        String[] parts = rule.rule().name().split(":", -1);
        boolean conventional = parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() && !parts[2].isEmpty();
        if (!conventional) {
            context.report(this, rule.path(), rule.rule().namePosition(),
                    "recording rule " + rule.rule().name() + " does not follow the level:metric:operations naming"
                            + " convention; name it like job:http_requests:rate5m (aggregation level, metric, operations)");
        }
    }
}
