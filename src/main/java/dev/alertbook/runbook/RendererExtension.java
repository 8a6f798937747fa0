package dev.alertbook.runbook;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.function.Supplier;

/** Adds one of our node renderers, which take no options, in place of flexmark's for its nodes. */
final class RendererExtension implements HtmlRenderer.HtmlRendererExtension {

    private final Supplier<NodeRenderer> renderer;

    RendererExtension(Supplier<NodeRenderer> renderer) {
        this.renderer = renderer;
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // No options of its own.
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> renderer.get());
    }
}
