package dev.alertbook.runbook;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Rewrites the addresses of a body as it is rendered: Markdown links and images through flexmark's
 * link resolver, {@code href} and {@code src} in raw HTML as the HTML is written out. Which page
 * is rendered is known only to the caller, and the renderer is shared, so the rewriting of the
 * render in progress is kept for its thread.
 */
final class LinkRewriting {

    private static final ThreadLocal<UnaryOperator<String>> CURRENT = new ThreadLocal<>();

    private LinkRewriting() {
    }

    /** Runs {@code render} with every address it writes passed through {@code links}. */
    static String rendering(UnaryOperator<String> links, Supplier<String> render) {
        UnaryOperator<String> outer = CURRENT.get();
        CURRENT.set(links);
        try {
            return render.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    private static String rewrite(String url) {
        UnaryOperator<String> links = CURRENT.get();
        return links == null ? url : links.apply(url);
    }

    static final class Extension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {
            // No options of its own.
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.linkResolverFactory(new Resolvers());
            builder.nodeRendererFactory(options -> new RawHtml());
        }
    }

    private static final class Resolvers implements LinkResolverFactory {
        private static final LinkResolver RESOLVER = (node, context, link) -> link.withUrl(rewrite(link.getUrl()));

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

    /** Raw HTML written as flexmark's core writes it, with its addresses rewritten. */
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
            html.rawPre(HtmlLinks.rewrite(node.getContentChars().normalizeEOL(), LinkRewriting::rewrite));
            html.lineIf(context.getHtmlOptions().htmlBlockCloseTagEol);
        }

        private void inline(HtmlInline node, NodeRendererContext context, HtmlWriter html) {
            html.rawPre(HtmlLinks.rewrite(node.getChars().normalizeEOL(), LinkRewriting::rewrite));
        }
    }
}
