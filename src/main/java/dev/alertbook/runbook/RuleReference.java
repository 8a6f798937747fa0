package dev.alertbook.runbook;

import dev.alertbook.source.Position;

/**
 * One {@code {{% rule "file" "Alert" %}}} shortcode: where a runbook embeds an alert's rule.
 * {@code index} counts the runbook's rule shortcodes from 0 in file order.
 */
public record RuleReference(int index, String file, String alert, Position position) {
}
