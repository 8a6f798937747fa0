package dev.alertbook.harness;

import java.util.List;

/** One {@code alert_rule_test} item: the alerts named {@code alertname} expected to fire at an eval time. */
public record AlertTest(long evalMillis, String alertname, List<ExpectedAlert> expected, TestFile.At at) {

    /** One {@code exp_alerts} item; {@code labels} already include {@code alertname}. */
    public record ExpectedAlert(java.util.Map<String, String> labels, java.util.Map<String, String> annotations) {
    }
}
