package dev.alertbook.model;

import dev.alertbook.rules.Rule;
import dev.alertbook.rules.RuleFile;
import java.util.List;

/**
 * A metric that rule expressions use, with the rules that use it and the recording rules that
 * produce it: how a reader answers "what alerts on this metric?".
 */
public record MetricPage(String name, String url, List<Use> usedBy, List<Use> recordedBy) {

    /** One rule in its file. */
    public record Use(RuleFile file, String rulePath, Rule rule) {
    }
}
