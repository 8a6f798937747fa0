package dev.alertbook.lint;

import dev.alertbook.diag.Severity;

/**
 * {@code rule/record-name}: a recording rule whose name has no colon. Prometheus's convention
 * names recorded series {@code level:metric:operations} (such as {@code job:http_requests:rate5m})
 * and reserves colons for them, so a name without one reads like a scraped metric and may collide
 * with one. Names with colons but another layout ({@code apiserver_request:burnrate1h},
 * {@code :node_memory_MemAvailable_bytes:sum}) are a team's own variant of the convention, which
 * kube-prometheus uses throughout, and are not reported. A convention, not a defect: a note.
 */
final class RecordNameConvention extends CheckBase implements RuleCheck {

    RecordNameConvention() {
        super("rule/record-name", Severity.INFO);
    }

    @Override
    public void check(RuleEntry rule, LintContext context) {
        if (!rule.rule().isAlert() && !rule.rule().name().contains(":")) {
            context.report(this, rule.path(), rule.rule().namePosition(),
                    "recording rule " + rule.rule().name() + " has no colon in its name, so it reads like a scraped"
                            + " metric; name it level:metric:operations, such as job:http_requests:rate5m");
        }
    }
}
