package dev.alertbook.runbook;

import dev.alertbook.source.Position;

/** A heading of a runbook body and its plain text; {@link Runbook#headingIds} gives the anchors of a page's. */
public record Heading(int level, String text, Position position) {
}
