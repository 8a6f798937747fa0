package dev.alertbook.rules;

import dev.alertbook.source.Position;
import java.util.Map;
import java.util.Optional;

/**
 * One rule as written. {@code labels} and {@code annotations} keep file order. {@code yaml} is the
 * rule's own text from the file, de-indented, for showing on its runbook page.
 *
 * @param name           the alert name or the recorded metric name
 * @param position       where the rule's mapping starts (its first key)
 * @param namePosition   position of the {@code alert:}/{@code record:} value
 * @param exprPosition   position of the {@code expr:} value, or {@link Position#NONE}
 * @param forDuration    the {@code for:} value as written
 * @param keepFiringFor  the {@code keep_firing_for:} value as written
 * @param labelPositions position of each label's value, by label name
 * @param annotationPositions position of each annotation's value, by annotation name
 */
public record Rule(
        RuleKind kind,
        String name,
        Position position,
        Position namePosition,
        String expr,
        Position exprPosition,
        Optional<String> forDuration,
        Optional<String> keepFiringFor,
        Map<String, String> labels,
        Map<String, Position> labelPositions,
        Map<String, String> annotations,
        Map<String, Position> annotationPositions,
        String yaml) {

    public boolean isAlert() {
        return kind == RuleKind.ALERTING;
    }

    public Optional<String> label(String labelName) {
        return Optional.ofNullable(labels.get(labelName));
    }

    public Optional<String> annotation(String annotationName) {
        return Optional.ofNullable(annotations.get(annotationName));
    }
}
