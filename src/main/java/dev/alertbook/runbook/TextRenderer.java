package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Renders plain text as flexmark does (escapes and entities resolved, line ends made {@code \n},
 * HTML-escaped), but looks for what needs resolving in a string first: flexmark searches every
 * text node with a regular expression through its character-sequence views, a fifth of rendering
 * a body, though most text holds no backslash, ampersand or carriage return.
 */
final class TextRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, this::render));
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
        String text = node.getChars().toString();
        if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
            text = Escaping.unescapeString(text);
        }
        if (text.indexOf('\r') >= 0) {
            text = Escaping.normalizeEOL(text);
        }
        html.text(text);
    }
}
