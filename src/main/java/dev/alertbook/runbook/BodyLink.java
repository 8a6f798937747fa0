package dev.alertbook.runbook;

import dev.alertbook.source.Position;

/**
 * A link or image address written in a page's body, as Markdown reads it (escapes undone), and
 * where it is written: in a Markdown link, image or reference definition, or in raw HTML's
 * {@code href} and {@code src}.
 */
public record BodyLink(String url, Position position) {
}
