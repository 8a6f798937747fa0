package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import dev.alertbook.highlight.Highlighter;
import dev.alertbook.text.Escape;
import java.util.Set;

/**
 * Renders fenced code blocks with a {@code language-*} class and, for languages we know,
 * server-side highlighting, so runbook pages need no highlighting script.
 */
final class CodeBlockRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
    }

    private void render(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
        String language = block.getInfoDelimitedByAny(com.vladsch.flexmark.util.misc.CharPredicate.SPACE_TAB).toString();
        String code = block.getContentChars().normalizeEOL();
        html.line();
        html.raw(language.isEmpty() ? "<pre><code>" : "<pre><code class=\"language-" + Escape.html(language) + "\">");
        html.raw(Highlighter.html(language, code).orElseGet(() -> Escape.html(code)));
        html.raw("</code></pre>");
        html.line();
    }
}
