package dev.alertbook.rules;

import dev.alertbook.golang.Durations;
import dev.alertbook.rules.GoYaml.Entry;
import dev.alertbook.source.Position;
import dev.alertbook.source.YamlLoader;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one entry of a group's {@code rules:} and runs rulefmt's {@code Rule.Validate} on it, in
 * promtool's order, except the PromQL and template parse checks, which belong to other packages.
 * Its messages start with {@code group "g", rule N, "name": } as promtool's do; errors in
 * decoding the YAML, such as a bad duration, have no such prefix in promtool either.
 *
 * <p>Where promtool prints {@code 0:0} for a field that is missing altogether, we point at the
 * start of the rule instead, which is more use to someone fixing it.
 */
final class RuleReader {

    static final List<String> FIELDS =
            List.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

    private final Findings findings;
    private final GoYaml values;
    private final RuleText text;

    RuleReader(Findings findings, GoYaml values, RuleText text) {
        this.findings = findings;
        this.values = values;
        this.text = text;
    }

    /**
     * Rule {@code number} (from 1, counting every entry of the list) of group {@code group}, or
     * empty if it has neither a name nor a kind to link it by.
     */
    Optional<Rule> read(Node node, String group, int number) {
        Optional<StrictMapping> fields = values.struct(node, "rulefmt.Rule", FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields rule = new Fields(fields.get(), node instanceof MappingNode mapping
                ? position(mapping) : YamlLoader.position(node));
        String record = rule.string("record");
        String alert = rule.string("alert");
        String expr = rule.string("expr");
        Optional<String> forDuration = rule.value("for").flatMap(values::duration);
        Optional<String> keepFiringFor = rule.value("keep_firing_for").flatMap(values::duration);
        List<Entry> labels = rule.value("labels").map(values::stringMap).orElse(List.of());
        List<Entry> annotations = rule.value("annotations").map(values::stringMap).orElse(List.of());
        Findings ruleFindings = findings.forRule(group, number, alert.isEmpty() ? record : alert);

        if (!record.isEmpty() && !alert.isEmpty()) {
            ruleFindings.error("rule/alert-and-record", rule.at("record"), "only one of 'record' and 'alert' must be set",
                    "a rule either records a series (record:) or fires an alert (alert:); split it in two or remove one");
        }
        if (record.isEmpty() && alert.isEmpty()) {
            Position at = rule.has("record") ? rule.at("record") : rule.at("alert");
            ruleFindings.error("rule/no-alert-or-record", at, "one of 'record' or 'alert' must be set",
                    "add alert: <AlertName> for an alerting rule or record: <metric_name> for a recording rule");
        }
        if (expr.isEmpty()) {
            ruleFindings.error("rule/expr-missing", rule.at("expr"), "field 'expr' must be set in rule",
                    "add expr: with the PromQL expression the rule evaluates");
        }
        if (!record.isEmpty()) {
            checkRecordingRule(ruleFindings, record, rule.at("record"), !annotations.isEmpty(), forDuration, keepFiringFor);
        }
        Names.checkLabels(labels, ruleFindings);
        Names.checkAnnotationNames(annotations, ruleFindings);

        if (record.isEmpty() && alert.isEmpty()) {
            return Optional.empty();
        }
        boolean alerting = !alert.isEmpty();
        return Optional.of(new Rule(
                alerting ? RuleKind.ALERTING : RuleKind.RECORDING,
                alerting ? alert : record,
                rule.start(),
                rule.at(alerting ? "alert" : "record"),
                expr,
                rule.has("expr") ? rule.at("expr") : Position.NONE,
                forDuration,
                keepFiringFor,
                GoYaml.ordered(labels, Entry::value),
                GoYaml.ordered(labels, Entry::valuePosition),
                GoYaml.ordered(annotations, Entry::value),
                GoYaml.ordered(annotations, Entry::valuePosition),
                node instanceof MappingNode mapping ? text.of(mapping) : ""));
    }

    private static void checkRecordingRule(Findings findings, String record, Position at, boolean hasAnnotations,
            Optional<String> forDuration, Optional<String> keepFiringFor) {
        String alertingOnly = "only alerting rules (alert:) have it; remove it or make this an alerting rule";
        if (hasAnnotations) {
            findings.error("rule/recording-field", at, "invalid field 'annotations' in recording rule", alertingOnly);
        }
        if (isNonZero(forDuration)) {
            findings.error("rule/recording-field", at, "invalid field 'for' in recording rule", alertingOnly);
        }
        if (isNonZero(keepFiringFor)) {
            findings.error("rule/recording-field", at, "invalid field 'keep_firing_for' in recording rule", alertingOnly);
        }
        if (!Names.isValidName(record)) {
            findings.error("rule/invalid-record-name", at, "invalid recording rule name: " + record,
                    "a metric name must be non-empty UTF-8 text");
        }
        if (record.contains("{") || record.contains("}")) {
            findings.error("rule/record-name-braces", at,
                    "braces present in the recording rule name; should it be in expr?: " + record,
                    "record: takes only the new metric's name (such as job:http_requests:rate5m); move label matchers into expr");
        }
    }

    /** Like Go's {@code r.For != 0}; an invalid duration was reported already and counts as unset. */
    private static boolean isNonZero(Optional<String> duration) {
        return duration.map(Durations::parse).filter(parsed -> parsed.error().isEmpty() && !parsed.isZero()).isPresent();
    }

    static Position position(MappingNode mapping) {
        var mark = RuleText.start(mapping);
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** A rule's fields with their positions, falling back to the rule's start for missing ones. */
    private final class Fields {
        private final StrictMapping mapping;
        private final Position start;

        Fields(StrictMapping mapping, Position start) {
            this.mapping = mapping;
            this.start = start;
        }

        Position start() {
            return start;
        }

        Optional<Node> value(String key) {
            return mapping.value(key);
        }

        boolean has(String key) {
            return mapping.value(key).isPresent();
        }

        String string(String key) {
            return value(key).flatMap(values::string).orElse("");
        }

        /**
         * Where the value of {@code key} is. For a missing key promtool prints 0:0, its empty
         * node's position, which leads nowhere; the start of the rule is where the key belongs.
         */
        Position at(String key) {
            return value(key).map(YamlLoader::position).orElse(start);
        }
    }
}
