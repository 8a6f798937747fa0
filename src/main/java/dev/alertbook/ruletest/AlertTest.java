package dev.alertbook.ruletest;

import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;

/** One {@code alert_rule_test} item: the alerts named {@code alertname} expected to fire at an eval time. */
public record AlertTest(long evalMillis, String alertname, List<ExpectedAlert> expected, Position at) {

    /** One {@code exp_alerts} item; {@code labels} already include {@code alertname}. */
    public record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
    }
}
