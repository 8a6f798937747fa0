package dev.alertbook.runbook;

import dev.alertbook.source.Position;

/** A heading of a runbook body: its plain text and the anchor id the rendered HTML gives it. */
public record Heading(int level, String text, String id, Position position) {
}
