package dev.alertbook.runbook;

import dev.alertbook.source.Position;

/** A heading of a runbook body and its plain text; {@link Runbook#headingIds} gives their anchors on the page. */
public record Heading(int level, String text, Position position) {
}
