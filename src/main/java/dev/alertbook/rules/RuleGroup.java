package dev.alertbook.rules;

import dev.alertbook.source.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A named group of rules evaluated together, as in a Prometheus rule file's {@code groups:} list. */
public record RuleGroup(
        String name,
        Position position,
        Optional<String> interval,
        Optional<String> queryOffset,
        Optional<Integer> limit,
        Map<String, String> labels,
        List<Rule> rules) {
}
