package dev.alertbook.ruletest.run;

import dev.alertbook.promql.engine.Labels;
import java.util.Map;

/** One alert of an alerting rule, as Prometheus's {@code rules.Alert}: times in milliseconds, 0 for unset. */
final class ActiveAlert {

    enum State { PENDING, FIRING, INACTIVE }

    final Labels labels;
    Map<String, String> annotations;
    double value;
    State state = State.PENDING;
    final long activeAt;
    long keepFiringSince;
    long resolvedAt;

    ActiveAlert(Labels labels, Map<String, String> annotations, double value, long activeAt) {
        this.labels = labels;
        this.annotations = annotations;
        this.value = value;
        this.activeAt = activeAt;
    }
}
