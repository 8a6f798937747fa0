package dev.alertbook.runbook;

import dev.alertbook.source.Position;

/**
 * A heading of a runbook body.
 *
 * @param text  its plain text, without Markdown
 * @param id    the anchor the rendered page gives it, as GitHub would
 * @param empty whether nothing but blank lines follows it before the next heading of its level or
 *              a higher one (an underlined heading counts as text: it is nearly always a paragraph
 *              with a {@code ---} rule under it, which srerun's runbooks end with)
 */
public record Heading(int level, String text, Position position, String id, boolean empty) {
}
