package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * Writes every address of a body between the marks of {@link LinkTokens}: Markdown links and
 * images through flexmark's link resolver, {@code href} and {@code src} in raw HTML as the HTML is
 * written out as flexmark's core would write it.
 */
final class MarkedLinks implements HtmlRenderer.HtmlRendererExtension {

    /** Bare addresses and mail addresses lead off the site: the renderer completes them ({@code http://}, {@code mailto:}) itself. */
    private static final LinkResolver RESOLVER = (node, context, link) -> node instanceof AutoLink || node instanceof MailLink
            ? link : link.withUrl(LinkTokens.markdown(link.getUrl()));

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // No options of its own.
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.linkResolverFactory(new Resolvers());
        builder.nodeRendererFactory(options -> new RawHtml());
    }

    private static final class Resolvers implements LinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return RESOLVER;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class RawHtml implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(HtmlBlock.class, this::block),
                    new NodeRenderingHandler<>(HtmlInline.class, this::inline));
        }

        private void block(HtmlBlock node, NodeRendererContext context, HtmlWriter html) {
            if (node.hasChildren()) {
                context.delegateRender();
                return;
            }
            html.line();
            html.rawPre(HtmlLinks.rewrite(node.getContentChars().normalizeEOL(), LinkTokens::raw));
            html.lineIf(context.getHtmlOptions().htmlBlockCloseTagEol);
        }

        private void inline(HtmlInline node, NodeRendererContext context, HtmlWriter html) {
            html.rawPre(HtmlLinks.rewrite(node.getChars().normalizeEOL(), LinkTokens::raw));
        }
    }
}
